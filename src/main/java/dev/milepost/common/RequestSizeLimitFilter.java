package dev.milepost.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code milepost.api.max-body-bytes} with 413, whether the size is
 * declared up front or only discovered while reading a chunked body. Bulk plan changes
 * ({@code POST /api/v1/projects/{key}/plan/changes}) carry whole plans and have a limit of their
 * own, {@code milepost.api.bulk-max-body-bytes}, and so do plan files uploaded for import
 * ({@code POST /api/v1/imports} and the import page), {@code milepost.import.max-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final java.util.regex.Pattern BULK = java.util.regex.Pattern
		.compile("/api/v1/projects/[^/]+/plan/changes/?");

	private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern
		.compile("/api/v1/imports/?|/projects/import/?");

	private final long defaultLimit;

	private final long bulkLimit;

	private final long importLimit;

	private final Problems problems;

	RequestSizeLimitFilter(@Value("${milepost.api.max-body-bytes:1048576}") long limit,
			@Value("${milepost.api.bulk-max-body-bytes:16777216}") long bulkLimit,
			@Value("${milepost.import.max-size:50MB}") org.springframework.util.unit.DataSize importLimit,
			Problems problems) {
		this.defaultLimit = limit;
		this.bulkLimit = bulkLimit;
		// the multipart envelope around the file takes a few hundred bytes more
		this.importLimit = importLimit.toBytes() + 64 * 1024;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean post = "POST".equals(request.getMethod());
		boolean upload = post && IMPORT.matcher(request.getRequestURI()).matches();
		long limit = upload ? importLimit
				: post && BULK.matcher(request.getRequestURI()).matches() ? bulkLimit : defaultLimit;
		if (request.getContentLengthLong() > limit) {
			problems.write(response, Problems.of(upload ? new PayloadTooLargeException("The file is larger than the "
					+ "import limit of " + (limit - 64 * 1024) / (1024 * 1024) + " MB; the setting milepost.import.max-size "
					+ "raises it.") : new PayloadTooLargeException(limit)));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
