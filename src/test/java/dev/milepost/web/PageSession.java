package dev.milepost.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.People;
import dev.milepost.StatusesAfterWrites;

/**
 * A person using the pages over plain HTTP: a session cookie from the sign-in form, and form posts
 * that carry the CSRF token of the page they came from, as a browser's would.
 */
final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final String base;

	private final HttpClient client;

	private String csrf;

	private PageSession(int port) {
		this.port = port;
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	static PageSession signIn(int port, People.Person person) {
		PageSession session = new PageSession(port);
		session.get("/signin");
		HttpResponse<String> signedIn = session.postForm("/signin",
				Map.of("username", person.username(), "password", People.PASSWORD), true);
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("sign-in failed for " + person.username() + ": " + signedIn.statusCode());
		}
		return session;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		remember(response.body());
		return response;
	}

	/** Reads a download (a PDF) as bytes. */
	HttpResponse<byte[]> bytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Opens the server-sent event stream at the path; its lines arrive in the queue as the server
	 * sends them, until the stream ends.
	 */
	java.util.concurrent.BlockingQueue<String> stream(String path) {
		java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
		client
			.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines())
			// on a thread of its own: were the response already there, thenAccept would read the endless
			// stream on the caller's thread; the common pool (one thread on two cores) must not block on it
			.thenAcceptAsync(response -> response.body().forEach(lines::add), reader -> {
				Thread thread = new Thread(reader, "sse-reader");
				thread.setDaemon(true);
				thread.start();
			});
		return lines;
	}

	/** Posts fields with the CSRF token as htmx does, which answers with a fragment rather than a redirect. */
	HttpResponse<String> postFromHtmx(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(encode(new ArrayList<>(all.entrySet())))));
	}

	/** Posts a file as a page's upload form does (multipart, with the CSRF token of the last page read). */
	HttpResponse<String> postFile(String path, String field, String filename, byte[] bytes) {
		String boundary = "----milepost-page-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		return postForm(path, fields, true);
	}

	/** Posts a form without any CSRF token, as a forged cross-site form would. */
	HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		return postForm(path, fields, false);
	}

	/** Posts a form as htmx does from the page (with the token and the {@code HX-Request} header). */
	HttpResponse<String> postHtmx(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(encode(new ArrayList<>(all.entrySet())))));
	}

	/** Reads a fragment as htmx does (the {@code HX-Request} header). */
	HttpResponse<String> getHtmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
	}

	/** Posts fields that may repeat (a multi-select), with the CSRF token. */
	HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		all.add(Map.entry("_csrf", csrf));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(all))));
	}

	private HttpResponse<String> postForm(String path, Map<String, String> fields, boolean withToken) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (withToken) {
			all.put("_csrf", csrf);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(new ArrayList<>(all.entrySet())))));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpRequest built = request.header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build();
			HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
			if (!built.method().equals("GET")) {
				// as the statuses are once the background worker has served the change
				StatusesAfterWrites.recompute(port);
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void remember(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
	}

	private static String encode(List<Map.Entry<String, String>> fields) {
		StringBuilder body = new StringBuilder();
		for (Map.Entry<String, String> field : fields) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(field.getValue() == null ? "" : field.getValue(), StandardCharsets.UTF_8));
		}
		return body.toString();
	}

}
