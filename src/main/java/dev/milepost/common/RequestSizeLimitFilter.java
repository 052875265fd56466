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
 * own, {@code milepost.api.bulk-max-body-bytes}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final java.util.regex.Pattern BULK = java.util.regex.Pattern
		.compile("/api/v1/projects/[^/]+/plan/changes/?");

	private final long defaultLimit;

	private final long bulkLimit;

	private final Problems problems;

	RequestSizeLimitFilter(@Value("${milepost.api.max-body-bytes:1048576}") long limit,
			@Value("${milepost.api.bulk-max-body-bytes:16777216}") long bulkLimit, Problems problems) {
		this.defaultLimit = limit;
		this.bulkLimit = bulkLimit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = "POST".equals(request.getMethod()) && BULK.matcher(request.getRequestURI()).matches() ? bulkLimit
				: defaultLimit;
		if (request.getContentLengthLong() > limit) {
			problems.write(response, Problems.of(new PayloadTooLargeException(limit)));
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
