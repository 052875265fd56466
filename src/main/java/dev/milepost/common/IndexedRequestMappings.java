package dev.milepost.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request among the mappings whose path could match it, not
 * among all of them. Spring MVC looks a path with variables in it ({@code /api/v1/projects/{key}/tasks/{id}})
 * up by testing every mapping of the application against the request, a few hundred here: a fifth
 * of the CPU of reading one task as JSON went there. This mapping keeps the patterns in a tree of
 * their path segments (a literal segment, or one that matches any single segment, or the rest of
 * the path) and tests only the mappings whose segments fit the request's; choosing among those is
 * Spring's own: the same conditions, the same order, a path with no variables first, and anything
 * it does not decide (no match, a tie, a CORS pre-flight, an unusual path) goes to Spring's full
 * look-up, so the answers, errors included, are the ones Spring gives.
 */
@Configuration(proxyBeanMethods = false)
class IndexedRequestMappings {

	@Bean
	WebMvcRegistrations indexedRequestMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new Mapping();
			}
		};
	}

	static final class Mapping extends RequestMappingHandlerMapping {

		// null until the mappings are registered, and when one of them cannot be indexed
		private volatile Node root;

		private Map<RequestMappingInfo, HandlerMethod> handlerMethods = Map.of();

		@Override
		public void afterPropertiesSet() {
			super.afterPropertiesSet();
			Map<RequestMappingInfo, HandlerMethod> methods = getHandlerMethods();
			Node built = new Node();
			for (RequestMappingInfo info : methods.keySet()) {
				PathPatternsRequestCondition paths = info.getPathPatternsCondition();
				if (paths == null) {
					return;
				}
				for (PathPattern pattern : paths.getPatterns()) {
					built.add(pattern.getPatternString(), info);
				}
			}
			this.handlerMethods = methods;
			this.root = built;
		}

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			Node index = root;
			List<String> segments = index == null || CorsUtils.isPreFlightRequest(request)
					|| !ServletRequestPathUtils.hasParsedRequestPath(request) ? null
							: segments(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
			if (segments == null) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			// as Spring does: mappings of this very path (no variables) first, the patterns only if none fits
			List<Match> matches = matching(index.direct(segments), request);
			if (matches.isEmpty()) {
				Set<RequestMappingInfo> candidates = new LinkedHashSet<>();
				index.collect(segments, 0, candidates);
				matches = matching(candidates, request);
			}
			if (matches.isEmpty()) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			Match best = matches.get(0);
			if (matches.size() > 1) {
				Comparator<RequestMappingInfo> order = getMappingComparator(request);
				matches.sort((one, other) -> order.compare(one.matched(), other.matched()));
				best = matches.get(0);
				if (order.compare(best.matched(), matches.get(1).matched()) == 0) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
			}
			HandlerMethod handler = handlerMethods.get(best.registered());
			request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
			handleMatch(best.matched(), lookupPath, request);
			return handler;
		}

		/** How many mappings a request to this path is tested against (all of them without the index). */
		int candidatesFor(String path) {
			Node index = root;
			List<String> segments = index == null ? null : segments(PathContainer.parsePath(path));
			if (segments == null) {
				return handlerMethods.size();
			}
			Set<RequestMappingInfo> candidates = new LinkedHashSet<>();
			index.collect(segments, 0, candidates);
			return candidates.size();
		}

		/** Spring's own look-up, every mapping tested, for comparison in tests. */
		HandlerMethod lookUpAmongAll(String lookupPath, HttpServletRequest request) throws Exception {
			return super.lookupHandlerMethod(lookupPath, request);
		}

		private List<Match> matching(Iterable<RequestMappingInfo> candidates, HttpServletRequest request) {
			List<Match> matches = new ArrayList<>(2);
			for (RequestMappingInfo info : candidates) {
				RequestMappingInfo matched = getMatchingMapping(info, request);
				if (matched != null) {
					matches.add(new Match(info, matched));
				}
			}
			return matches;
		}

		/** The path's segments as patterns match them, or null for a path left to Spring's full look-up. */
		private static List<String> segments(PathContainer path) {
			List<String> segments = new ArrayList<>();
			boolean afterSeparator = false;
			for (PathContainer.Element element : path.elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					if (!afterSeparator || segment.valueToMatch().isEmpty()) {
						return null;
					}
					segments.add(segment.valueToMatch());
					afterSeparator = false;
				}
				else {
					if (afterSeparator) {
						return null;
					}
					afterSeparator = true;
				}
			}
			// "/" and a trailing separator are left to Spring
			return segments.isEmpty() || afterSeparator ? null : segments;
		}

	}

	private record Match(RequestMappingInfo registered, RequestMappingInfo matched) {
	}

	/** The patterns by their segments: literal ones, any one segment, and the rest of the path. */
	static final class Node {

		private final Map<String, Node> literal = new HashMap<>();

		private Node anySegment;

		// patterns that end here, and those that match whatever follows (** or {*name})
		private final List<RequestMappingInfo> end = new ArrayList<>();

		private final List<RequestMappingInfo> rest = new ArrayList<>();

		// patterns this index does not understand, tested for every request
		private final List<RequestMappingInfo> always = new ArrayList<>();

		void add(String pattern, RequestMappingInfo info) {
			if (!pattern.startsWith("/") || pattern.length() == 1 || pattern.endsWith("/") || pattern.contains("//")) {
				always.add(info);
				return;
			}
			Node node = this;
			for (String segment : pattern.substring(1).split("/")) {
				if (segment.contains("**") || segment.startsWith("{*")) {
					node.rest.add(info);
					return;
				}
				if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
					node = node.anySegment == null ? (node.anySegment = new Node()) : node.anySegment;
				}
				else {
					node = node.literal.computeIfAbsent(segment, name -> new Node());
				}
			}
			node.end.add(info);
		}

		/** The mappings of exactly this path, with no variable in it. */
		List<RequestMappingInfo> direct(List<String> segments) {
			Node node = this;
			for (String segment : segments) {
				node = node.literal.get(segment);
				if (node == null) {
					return List.of();
				}
			}
			return node.end;
		}

		void collect(List<String> segments, int from, Set<RequestMappingInfo> into) {
			if (from == 0) {
				into.addAll(always);
			}
			into.addAll(rest);
			if (from == segments.size()) {
				into.addAll(end);
				return;
			}
			Node next = literal.get(segments.get(from));
			if (next != null) {
				next.collect(segments, from + 1, into);
			}
			if (anySegment != null) {
				anySegment.collect(segments, from + 1, into);
			}
		}

	}

}
