package dev.milepost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end tests: real requests to the running application, raw bodies
 * allowed (so malformed input can be sent), responses parsed on demand.
 */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String base;

	private final String authorization;

	private final boolean recompute;

	private Api(int port, String authorization, boolean recompute) {
		this.port = port;
		this.base = "http://localhost:" + port;
		this.authorization = authorization;
		this.recompute = recompute;
	}

	public static Api at(int port) {
		return new Api(port, null, true);
	}

	public Api withToken(String token) {
		return new Api(port, "Bearer " + token, recompute);
	}

	public Api withBasic(String username, String password) {
		return new Api(port, "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)), recompute);
	}

	public Api anonymous() {
		return new Api(port, null, recompute);
	}

	/**
	 * The same client, not serving the status recomputes its writes ask for (see
	 * {@link StatusesAfterWrites}): for tests of the recompute worker itself.
	 */
	public Api withoutStatusRecompute() {
		return new Api(port, authorization, false);
	}

	/**
	 * Runs the background work due on the application this client talks to until none is left, so a
	 * test can assert what rules and notices did without waiting ({@link Background}).
	 */
	public Api drainBackground() {
		StatusesAfterWrites.drain(port);
		return this;
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, Map.of());
	}

	public Response patch(String path, Object body, String ifMatch) {
		return send("PATCH", path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
	}

	public Response delete(String path) {
		return send("DELETE", path, null, Map.of());
	}

	/** Sends a request; a String body goes as it is (so it may be malformed), anything else as JSON. */
	public Response send(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		Map<String, String> all = new LinkedHashMap<>(headers);
		if (body != null) {
			all.putIfAbsent("Content-Type", "application/json");
		}
		all.putIfAbsent("Accept", "application/json, application/problem+json");
		all.forEach(request::header);
		String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (recompute && !method.equals("GET") && !method.equals("HEAD")) {
				// as the statuses are once the background worker has served the change
				StatusesAfterWrites.recompute(port);
			}
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + path + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String etag() {
			return header("ETag");
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
