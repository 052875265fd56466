package dev.milepost.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every call (headers and body) per path and
 * answers each path with the statuses it was told to give, in order, then 200.
 */
final class Receiver implements AutoCloseable {

	record Call(String path, String id, String timestamp, String signature, String body) {
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

	private final Map<String, Integer> always = new ConcurrentHashMap<>();

	private final Map<String, CountDownLatch[]> held = new ConcurrentHashMap<>();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			Receiver receiver = new Receiver(server);
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The path answers these statuses to its next calls, then 200. */
	Receiver answer(String path, Integer... statuses) {
		answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
		return this;
	}

	/** The path answers this status to every call until told otherwise. */
	Receiver always(String path, int status) {
		always.put(path, status);
		return this;
	}

	/** The path's next call counts {@code entered} down, then waits for {@code release} before it answers. */
	Receiver hold(String path, CountDownLatch entered, CountDownLatch release) {
		held.put(path, new CountDownLatch[] { entered, release });
		return this;
	}

	Receiver heal(String path) {
		always.remove(path);
		return this;
	}

	List<Call> calls(String path) {
		return calls.stream().filter(call -> call.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		var headers = exchange.getRequestHeaders();
		calls.add(new Call(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
				headers.getFirst("webhook-signature"), body));
		CountDownLatch[] hold = held.remove(path);
		if (hold != null) {
			hold[0].countDown();
			try {
				hold[1].await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Deque<Integer> queued = answers.get(path);
		Integer queuedStatus = queued == null ? null : queued.pollFirst();
		int status = queuedStatus != null ? queuedStatus : always.getOrDefault(path, 200);
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
