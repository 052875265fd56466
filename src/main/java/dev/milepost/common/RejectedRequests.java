package dev.milepost.common;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses some addresses before any controller runs (a ';' or an
 * encoded '%', say). For the API that refusal is problem+json like every other one;
 * without this it was the servlet container's generic error document.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	private final Problems problems;

	private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

	RejectedRequests(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
			throws IOException, ServletException {
		if (!request.getRequestURI().startsWith("/api/")) {
			pages.handle(request, response, e);
			return;
		}
		problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "Bad request",
				"The address contains characters a path may not hold (such as ';' or an encoded '%'); "
						+ "check how it was built.",
				List.of()));
	}

}
