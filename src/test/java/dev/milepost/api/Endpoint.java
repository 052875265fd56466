package dev.milepost.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.milepost.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resource's create (POST to the collection) and update (PATCH of one item, with the ETag just
 * read) endpoints, and a body the create endpoint accepts, so a case can spoil exactly one thing
 * in it. Field paths may be dotted ({@code criterion.kind}) to reach into nested objects.
 *
 * @param name the resource, e.g. {@code tasks}
 * @param api the caller, allowed to create and update the resource
 * @param collection where to POST
 * @param item the existing item to PATCH
 * @param validBody a fresh body the create endpoint accepts (fresh, where values must be unique)
 */
record Endpoint(String name, Api api, String collection, String item, Supplier<Map<String, Object>> validBody) {

	/** Sent with If-Match when an item could not be read, e.g. because it does not exist. */
	static final String SOME_ETAG = "\"0\"";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Refusal post(String description, Object body, int status, String field) {
		return new Refusal("POST " + name + " " + description, () -> api.post(collection, body), status, field);
	}

	Refusal patch(String description, Object body, int status, String field) {
		return patchAt(item, description, body, status, field);
	}

	Refusal patchAt(String path, String description, Object body, int status, String field) {
		return new Refusal("PATCH " + name + " " + description, () -> api.patch(path, body, currentEtag(path)), status,
				field);
	}

	/**
	 * The create and the update, each with one field set to a bad value; the refusal must name
	 * {@code field}.
	 */
	Stream<Refusal> postAndPatch(String path, Object value, String what, int status, String field) {
		String description = describe(path, value, what);
		return Stream.of(post(description, bodyWith(path, value), status, field),
				patch(description, patchWith(path, value), status, field));
	}

	Stream<Refusal> postAndPatch(String path, Object value, String what, int status) {
		return postAndPatch(path, value, what, status, path);
	}

	static String describe(String path, Object value, String what) {
		String json = JSON.writeValueAsString(value);
		return "with " + path + " = " + (json.length() > 40 ? json.substring(0, 37) + "..." : json)
				+ (what == null ? "" : " (" + what + ")");
	}

	String currentEtag(String path) {
		Api.Response read = api.get(path);
		return read.status() == 200 && read.etag() != null ? read.etag() : SOME_ETAG;
	}

	/** The valid body with one field set (to null too), creating nested objects on the way. */
	Map<String, Object> bodyWith(String path, Object value) {
		return with(validBody.get(), path, value);
	}

	/** The valid body without one field. */
	Map<String, Object> bodyWithout(String path) {
		return without(validBody.get(), path);
	}

	/**
	 * A merge patch setting one field. A nested field is sent inside a copy of the valid body's
	 * nested object, so only that field is wrong.
	 */
	Map<String, Object> patchWith(String path, Object value) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			Map<String, Object> patch = new LinkedHashMap<>();
			patch.put(path, value);
			return patch;
		}
		String top = path.substring(0, dot);
		return Map.of(top, with(nested(validBody.get(), top), path.substring(dot + 1), value));
	}

	static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
		Map<String, Object> copy = copy(body);
		int dot = path.indexOf('.');
		if (dot < 0) {
			copy.put(path, value);
		}
		else {
			String top = path.substring(0, dot);
			copy.put(top, with(nested(copy, top), path.substring(dot + 1), value));
		}
		return copy;
	}

	static Map<String, Object> without(Map<String, Object> body, String path) {
		Map<String, Object> copy = copy(body);
		int dot = path.indexOf('.');
		if (dot < 0) {
			copy.remove(path);
		}
		else {
			String top = path.substring(0, dot);
			copy.put(top, without(nested(copy, top), path.substring(dot + 1)));
		}
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> body, String field) {
		return body.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, Object> body) {
		Map<String, Object> copy = new LinkedHashMap<>();
		body.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> map ? copy((Map<String, Object>) map)
				: value instanceof List<?> list ? List.copyOf(list) : value));
		return copy;
	}

}
