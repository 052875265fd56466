package dev.milepost.common;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents the same way everywhere: a type naming the kind of problem,
 * a title, a detail a person can act on and, where fields are at fault, an {@code errors} list.
 */
@Component
public class Problems {

	private final JsonMapper mapper;

	Problems(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public static ProblemDetail of(HttpStatusCode status, String title, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:milepost:problem:" + slug(title)));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ProblemDetail of(MilepostException e) {
		return of(e.status(), e.title(), e.getMessage(), e.fieldErrors());
	}

	/** Writes a problem from a servlet filter, where no controller advice runs. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		mapper.writeValue(response.getOutputStream(), problem);
	}

	private static String slug(String title) {
		return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
