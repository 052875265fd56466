package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.milepost.MilepostTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The indexed look-up answers what Spring's own look-up (every mapping tested) answers, for a
 * request to every mapped path of the application with each method, with a segment more and with
 * words where the variables are, and for paths nothing maps.
 */
@MilepostTest
class IndexedRequestMappingsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void findsWhatSpringFindsForEveryMappedPathAndMethod() throws Exception {
		assertThat(mapping).isInstanceOf(IndexedRequestMappings.Mapping.class);
		IndexedRequestMappings.Mapping indexed = (IndexedRequestMappings.Mapping) mapping;
		int all = mapping.getHandlerMethods().size();
		assertThat(indexed.candidatesFor("/api/v1/projects/ERP/tasks/x1")).as("tested for one task").isBetween(1, all / 10);
		assertThat(indexed.candidatesFor("/projects/ERP")).as("tested for an overview").isBetween(1, all / 10);
		Set<String> paths = new LinkedHashSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				for (String value : List.of("x1", "new", "2026-01-05")) {
					String path = pattern.getPatternString()
						.replaceAll("\\{\\*[^}]*}", "a/b")
						.replaceAll("\\{[^}]*}", value)
						.replace("**", "a/b")
						.replace("*", value);
					paths.add(path);
					paths.add(path + "/more");
					paths.add(path + "/");
				}
			}
		}
		paths.addAll(List.of("/", "/nothing/here", "/api/v1/nothing", "/projects//x", "/api/v1/projects/%7Bkey%7D/tasks"));
		List<String> compared = new ArrayList<>();
		int found = 0;
		for (String path : paths) {
			for (RequestMethod method : RequestMethod.values()) {
				Outcome fast = lookUp(indexed, method, path, true);
				Outcome full = lookUp(indexed, method, path, false);
				assertThat(fast).as("%s %s", method, path).isEqualTo(full);
				compared.add(method + " " + path);
				found += full.handler() == null ? 0 : 1;
			}
		}
		assertThat(found).as("requests that found a controller method").isGreaterThan(mapping.getHandlerMethods().size());
		assertThat(compared).hasSizeGreaterThan(3 * mapping.getHandlerMethods().size());
	}

	private record Outcome(String handler, Object variables, String failure) {
	}

	private static Outcome lookUp(IndexedRequestMappings.Mapping mapping, RequestMethod method, String path,
			boolean indexed) {
		MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
		request.addHeader("Accept", "*/*");
		if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH) {
			request.setContentType("application/json");
		}
		ServletRequestPathUtils.parseAndCache(request);
		try {
			var handler = indexed ? mapping.lookupHandlerMethod(path, request) : mapping.lookUpAmongAll(path, request);
			return new Outcome(Objects.toString(handler, null),
					request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE), null);
		}
		catch (Exception e) {
			return new Outcome(null, null, e.getClass().getName() + ": " + e.getMessage());
		}
	}

}
