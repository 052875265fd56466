package dev.milepost.common;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.security.Escape;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word: what it answers when it refuses a request before the application sees it
 * (an address with {@code %00}, {@code %2F} or bytes that are not UTF-8, a request line or headers
 * too long) or when nothing else wrote an error. In place of Tomcat's own HTML report, the API gets
 * problem+json and pages a plain error page; neither names the server or shows a stack trace.
 */
public final class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemDetail problem = ServerErrors.problem(status, request.getMethod());
		// a request line too long to read has no address yet: then only the client's Accept tells
		boolean api = ServerErrors.wantsProblem(request.getRequestURI(), request.getHeader("Accept"));
		try {
			response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(api ? json(problem) : html(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response was committed meanwhile: nothing more to tell
		}
	}

	private static String json(ProblemDetail problem) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.getType().toString());
		document.put("title", problem.getTitle());
		document.put("status", problem.getStatus());
		document.put("detail", problem.getDetail());
		return JSON.writeValueAsString(document);
	}

	private static String html(ProblemDetail problem) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ Escape.htmlElementContent(problem.getTitle()) + "</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/milepost.css\"></head><body><main class=\"page\"><h1>"
				+ Escape.htmlElementContent(problem.getTitle() + " (" + problem.getStatus() + ")")
				+ "</h1><p class=\"alert alert-error\" role=\"alert\">" + Escape.htmlElementContent(problem.getDetail())
				+ "</p><p><a href=\"/\">Back to the portfolio</a></p></main></body></html>";
	}

	/** Puts this valve in the place of the host's error report valve (Spring Boot adds one too). */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
			return factory -> factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
					host.getPipeline().addValve(new ProblemReportValve());
				}
			});
		}

	}

}
