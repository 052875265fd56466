package dev.milepost.common;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends a request that ended in an error no controller answered (a method it
 * refused, an exception thrown by a filter, a {@code sendError}): problem+json for the API and for
 * clients that do not ask for HTML, the error page otherwise. Asked for directly, {@code /error}
 * is an address like any other where nothing exists. Replaces Spring Boot's error controller,
 * whose JSON is not a problem document and which answered a direct request with status 999.
 */
@Controller
class ErrorEndpoint implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

	private final Problems problems;

	ErrorEndpoint(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = problemOf(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (ServerErrors.wantsProblem(path, request.getHeader("Accept"))) {
			problems.write(response, problem);
			return null;
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(problem.getStatus()));
		page.addObject("status", problem.getStatus());
		page.addObject("message", problem.getDetail());
		return page;
	}

	private static ProblemDetail problemOf(HttpServletRequest request) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
			return ServerErrors.problem(HttpStatus.NOT_FOUND.value(), request.getMethod());
		}
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure instanceof ServletException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (failure instanceof MilepostException refusal) {
			return Problems.of(refusal);
		}
		if (failure instanceof InvalidParameterException) {
			return ServerErrors.problem(HttpStatus.BAD_REQUEST.value(), request.getMethod());
		}
		if (failure != null && status >= 500) {
			log.error("Unexpected error in {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
		}
		return ServerErrors.problem(status, request.getMethod());
	}

}
