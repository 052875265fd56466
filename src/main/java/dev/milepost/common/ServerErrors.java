package dev.milepost.common;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The refusals the servlet container makes before any controller runs (an address it cannot
 * decode, a request line or headers too long, a method it does not allow) and errors it reports
 * for a request: the same problem+json as every other refusal for the API, an error page for pages.
 * Used by {@link ErrorEndpoint} and, where the container answers on its own, {@link ProblemReportValve}.
 */
final class ServerErrors {

	private ServerErrors() {
	}

	/**
	 * Whether to answer problem+json: always on the API, whose every answer is JSON, and
	 * elsewhere unless the client asks for HTML (a browser showing a page).
	 */
	static boolean wantsProblem(String path, String accept) {
		boolean api = path != null && (path.equals("/api") || path.startsWith("/api/"));
		return api || accept == null || !accept.contains("text/html");
	}

	static ProblemDetail problem(int code, String method) {
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
		}
		return Problems.of(status, title(status), detail(status, method), java.util.List.of());
	}

	private static String title(HttpStatus status) {
		String phrase = status.getReasonPhrase();
		return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
	}

	private static String detail(HttpStatus status, String method) {
		return switch (status) {
			case BAD_REQUEST -> "The request cannot be read: its address, query string or headers are malformed or "
					+ "too long (an encoded '/', '\\' or NUL in the path, bytes that are not UTF-8, or more text in "
					+ "the address and headers than the server reads). Check how it was built.";
			case NOT_FOUND -> "Nothing exists at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take " + (method == null ? "this method" : method)
					+ " requests.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "The address or the headers are too long; send "
					+ "long values in the body instead.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case UNAUTHORIZED -> "Sign in first.";
			case FORBIDDEN -> "You are not allowed to do this.";
			default -> status.is5xxServerError() ? "Something went wrong on our side; the error has been logged."
					: "The request was refused (" + status.value() + " " + status.getReasonPhrase() + ").";
		};
	}

}
