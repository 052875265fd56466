import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver for Milepost, plain JDK 17 with no dependencies: {@code java bench/load/Load.java ...}.
 * It talks to 127.0.0.1 only and stops by itself. See bench/load/README.md for the modes, and
 * bench/load/run.sh for starting one or two instances on PostgreSQL around it.
 *
 * <pre>
 * java bench/load/Load.java mixed  --base http://127.0.0.1:18081[,http://127.0.0.1:18082] --clients 200 --seconds 60 [--rate R]
 * java bench/load/Load.java ratios --base http://127.0.0.1:18081 --clients 32 --seconds 10 --rounds 5
 * java bench/load/Load.java sizes  --base http://127.0.0.1:18081 --sizes 1000,10000,50000 --rounds 5
 * java bench/load/Load.java bulk   --base http://127.0.0.1:18081 --tasks 10000 --links 15000 --rounds 3
 * </pre>
 */
public class Load {

	// a request's timeout: 10 s, or --timeout-seconds (a busy machine lists 10,000 tasks slowly)
	static Duration TIMEOUT = Duration.ofSeconds(10);

	static final String PASSWORD = "load-test-password";

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		if (options.containsKey("timeout-seconds")) {
			TIMEOUT = Duration.ofSeconds(Long.parseLong(options.get("timeout-seconds")));
		}
		String mode = args.length == 0 ? "help" : args[0];
		List<String> bases = Arrays.asList(options.getOrDefault("base", "http://127.0.0.1:18081").split(","));
		bases.forEach(Load::requireLoopback);
		String adminPassword = options.getOrDefault("admin-password", "admin-password-for-load");
		Http http = new Http(bases, adminPassword);
		switch (mode) {
			case "mixed" -> new Mixed(http, options).run();
			case "ratios" -> new Ratios(http, options).run();
			case "sizes" -> new Sizes(http, options).run();
			case "bulk" -> new Bulk(http, options).run();
			case "recompute" -> new Recompute(http, options).run();
			default -> {
				System.err.println("usage: java bench/load/Load.java mixed|ratios|sizes|bulk|recompute --base http://127.0.0.1:PORT[,...] [options]");
				System.exit(2);
			}
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				throw new IllegalArgumentException("unexpected argument " + args[i]);
			}
		}
		return options;
	}

	static void requireLoopback(String base) {
		String host = URI.create(base).getHost();
		if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"[::1]".equals(host)) {
			throw new IllegalArgumentException("this load driver targets 127.0.0.1 only, not " + base);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// HTTP

	record Reply(int status, String body, String etag, String location, long nanos, boolean timedOut) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	static final class Http {

		final List<String> bases;

		final String adminPassword;

		final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Http(List<String> bases, String adminPassword) {
			this.bases = bases;
			this.adminPassword = adminPassword;
		}

		String base(int client) {
			return bases.get(client % bases.size());
		}

		Reply send(HttpRequest.Builder builder) {
			return send(builder, TIMEOUT);
		}

		Reply send(HttpRequest.Builder builder, Duration timeout) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = client.send(builder.timeout(timeout).build(),
						HttpResponse.BodyHandlers.ofString());
				return new Reply(response.statusCode(), response.body(),
						response.headers().firstValue("ETag").orElse(null),
						response.headers().firstValue("Location").orElse(null), System.nanoTime() - start, false);
			}
			catch (HttpTimeoutException e) {
				return new Reply(0, "timeout", null, null, System.nanoTime() - start, true);
			}
			catch (IOException e) {
				return new Reply(-1, e.toString(), null, null, System.nanoTime() - start, false);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new Reply(-2, "interrupted", null, null, System.nanoTime() - start, false);
			}
		}

		HttpRequest.Builder request(String base, String path, String auth) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
			if (auth != null) {
				builder.header(auth.startsWith("JSESSIONID") ? "Cookie" : "Authorization", auth);
			}
			return builder;
		}

		Reply get(String base, String path, String auth) {
			return send(request(base, path, auth).header("Accept", "application/json, text/html").GET());
		}

		Reply json(String base, String method, String path, String auth, String body, String ifMatch) {
			return json(base, method, path, auth, body, ifMatch, TIMEOUT);
		}

		/** A bulk plan change loads a whole plan in one request: it gets a longer timeout. */
		Reply bulk(String base, String key, String auth, String body) {
			return json(base, "POST", "/api/v1/projects/" + key + "/plan/changes", auth, body, null,
					Duration.ofMinutes(5));
		}

		Reply json(String base, String method, String path, String auth, String body, String ifMatch,
				Duration timeout) {
			HttpRequest.Builder builder = request(base, path, auth).header("Content-Type",
					method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
				.header("Accept", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body));
			if (ifMatch != null) {
				builder.header("If-Match", ifMatch);
			}
			return send(builder, timeout);
		}

		String adminAuth() {
			return basic("admin", adminPassword);
		}

		static String basic(String user, String password) {
			return "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		Reply must(Reply reply, String what) {
			if (!reply.ok()) {
				throw new IllegalStateException(what + " failed: " + reply.status() + " " + abbreviate(reply.body()));
			}
			return reply;
		}

		/** Signs in through the page form and returns the session cookie. */
		String signIn(String base, String user, String password) {
			try {
				HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET()
					.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
				String cookie = sessionCookie(form).orElseThrow(() -> new IllegalStateException("no session cookie from /signin"));
				String csrf = match("name=\"_csrf\"[^>]*value=\"([^\"]+)\"", form.body());
				if (csrf == null) {
					csrf = match("value=\"([^\"]+)\"[^>]*name=\"_csrf\"", form.body());
				}
				String fields = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
				HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", cookie)
					.POST(HttpRequest.BodyPublishers.ofString(fields))
					.timeout(TIMEOUT)
					.build(), HttpResponse.BodyHandlers.ofString());
				String location = posted.headers().firstValue("Location").orElse("");
				if (posted.statusCode() != 302 || location.contains("error")) {
					throw new IllegalStateException("sign-in of " + user + " failed: " + posted.statusCode() + " " + location);
				}
				return sessionCookie(posted).orElse(cookie);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
			return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
				.map(c -> c.substring(0, c.indexOf(';'))).findFirst();
		}

	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String match(String regex, String text) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? m.group(1) : null;
	}

	static List<String> all(String regex, String text) {
		Matcher m = Pattern.compile(regex).matcher(text);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	// ---------------------------------------------------------------------------------------------
	// A project to load: people, a plan of tasks in chains feeding milestones

	/** What the setup made: the project, its people's tokens and sessions, its tasks and milestones. */
	record Project(String key, String managerToken, List<String> memberTokens, List<String> memberNames,
			List<String> taskIds, List<String> milestoneIds) {
	}

	static final class Setup {

		final Http http;

		Setup(Http http) {
			this.http = http;
		}

		String person(String base, String username, boolean admin) {
			Reply created = http.json(base, "POST", "/api/v1/users", http.adminAuth(),
					"{\"username\":" + quote(username) + ",\"displayName\":" + quote(username) + ",\"password\":"
							+ quote(PASSWORD) + (admin ? ",\"admin\":true" : "") + "}",
					null);
			if (created.status() != 201 && created.status() != 409) {
				http.must(created, "create user " + username);
			}
			return username;
		}

		String token(String base, String username) {
			Reply token = http.must(http.json(base, "POST", "/api/v1/me/tokens", Http.basic(username, PASSWORD),
					"{\"name\":\"load " + System.nanoTime() + "\"}", null), "token for " + username);
			String value = match("\"token\"\\s*:\\s*\"(mp_[^\"]+)\"", token.body());
			if (value == null) {
				throw new IllegalStateException("no token in " + abbreviate(token.body()));
			}
			return "Bearer " + value;
		}

		/**
		 * A project of {@code tasks} tasks in chains of about 50 feeding a milestone each
		 * (milestone every ~50 tasks, ~1.5 links per task), loaded through the bulk endpoint when
		 * there is one, otherwise one request per item.
		 */
		Project project(String base, String key, int tasks, int members) {
			String run = Long.toString(System.currentTimeMillis() % 100000, 36);
			String manager = person(base, ("m-" + key + "-" + run).toLowerCase(Locale.ROOT), false);
			String managerToken = token(base, manager);
			LocalDate start = LocalDate.now().minusDays(30);
			http.must(http.json(base, "POST", "/api/v1/projects", managerToken,
					"{\"key\":" + quote(key) + ",\"name\":\"Load " + key + "\",\"sponsor\":" + quote(manager)
							+ ",\"manager\":" + quote(manager) + ",\"start\":\"" + start + "\",\"targetFinish\":\""
							+ start.plusYears(3) + "\",\"status\":\"ACTIVE\"}",
					null), "create project " + key);
			List<String> memberNames = new ArrayList<>();
			List<String> memberTokens = new ArrayList<>();
			for (int i = 0; i < members; i++) {
				String name = person(base, ("u" + i + "-" + key + "-" + run).toLowerCase(Locale.ROOT), false);
				http.must(http.json(base, "POST", "/api/v1/projects/" + key + "/members", managerToken,
						"{\"username\":" + quote(name) + ",\"role\":\"MEMBER\"}", null), "add member");
				memberNames.add(name);
				memberTokens.add(token(base, name));
			}
			PlanShape shape = new PlanShape(tasks, start, memberNames, manager);
			// whole chains per request, so that no reference crosses requests and none goes over the
			// endpoint's 50,000 operations (a 50k plan is about 126,000)
			List<String> bodies = shape.bulkBodies(PlanShape.CHAINS_PER_REQUEST);
			for (int i = 0; i < bodies.size(); i++) {
				Reply bulk = http.bulk(base, key, managerToken, bodies.get(i));
				if (i == 0 && (bulk.status() == 404 || bulk.status() == 405)) {
					shape.oneByOne(http, base, key, managerToken);
					break;
				}
				http.must(bulk, "bulk load of " + tasks + " tasks, part " + (i + 1) + " of " + bodies.size());
			}
			List<String> taskIds = ids(base, key, "tasks", managerToken);
			List<String> milestoneIds = ids(base, key, "milestones", managerToken);
			return new Project(key, managerToken, memberTokens, memberNames, taskIds, milestoneIds);
		}

		List<String> ids(String base, String key, String what, String auth) {
			List<String> ids = new ArrayList<>();
			for (int page = 0;; page++) {
				Reply reply = http.must(http.get(base, "/api/v1/projects/" + key + "/" + what + "?size=500&page=" + page,
						auth), "list " + what);
				List<String> found = all("\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", reply.body());
				ids.addAll(found);
				if (found.size() < 500) {
					return ids;
				}
			}
		}

	}

	/** The generated plan: chains of tasks, each chain feeding a milestone; ~1.5 links per task. */
	static final class PlanShape {

		final int tasks;

		final LocalDate start;

		final List<String> members;

		final String owner;

		PlanShape(int tasks, LocalDate start, List<String> members, String owner) {
			this.tasks = tasks;
			this.start = start;
			this.members = members;
			this.owner = owner;
		}

		int milestones() {
			return Math.max(1, tasks / 50);
		}

		String taskJson(int i) {
			Random random = new Random(i);
			String assignee = members.isEmpty() ? "" : ",\"assignees\":[" + quote(members.get(i % members.size())) + "]";
			return "{\"name\":\"Task " + i + "\",\"durationDays\":" + (1 + random.nextInt(10)) + ",\"plannedStart\":\""
					+ start + "\"" + assignee + "}";
		}

		String milestoneJson(int m) {
			return "{\"name\":\"Milestone " + m + "\",\"targetDate\":\"" + start.plusDays(60L + 28L * m)
					+ "\",\"owner\":" + quote(owner)
					+ ",\"criterion\":{\"kind\":\"OWNER_CONFIRMATION\",\"text\":\"The owner confirms stage " + m
					+ " with the sign-off record\"}}";
		}

		/** Links as (predecessor, successor) of task indices; a negative successor -m-1 is milestone m. */
		List<int[]> links() {
			List<int[]> links = new ArrayList<>();
			Random random = new Random(42);
			int perMilestone = Math.max(1, tasks / milestones());
			for (int i = 0; i < tasks; i++) {
				int chainStart = (i / perMilestone) * perMilestone;
				if (i > chainStart) {
					links.add(new int[] { i - 1, i });
				}
				if (i - chainStart > 5 && random.nextInt(2) == 0) {
					links.add(new int[] { chainStart + random.nextInt(i - chainStart - 1), i });
				}
				boolean lastOfChain = i == tasks - 1 || (i + 1) % perMilestone == 0;
				if (lastOfChain) {
					links.add(new int[] { i, -Math.min(milestones() - 1, i / perMilestone) - 1 });
				}
			}
			return links;
		}

		/** Chains (a milestone and the ~50 tasks feeding it) per bulk request: about 38,000 operations. */
		static final int CHAINS_PER_REQUEST = 300;

		/** The chain task {@code i} belongs to (the tasks past the last whole chain feed the last milestone). */
		int chainOf(int i) {
			return Math.min(milestones() - 1, i / Math.max(1, tasks / milestones()));
		}

		/** The plan in bulk requests of whole chains, {@code chains} at a time; links never cross chains. */
		List<String> bulkBodies(int chains) {
			List<int[]> links = links();
			List<String> bodies = new ArrayList<>();
			for (int first = 0; first < milestones(); first += chains) {
				int from = first;
				int to = (int) Math.min((long) first + chains, milestones());
				bodies.add(bulkBody(i -> chainOf(i) >= from && chainOf(i) < to, from, to, links));
			}
			return bodies;
		}

		String bulkBody(java.util.function.IntPredicate inPart, int firstMilestone, int endMilestone, List<int[]> links) {
			StringBuilder body = new StringBuilder("{\"operations\":[");
			for (int i = 0; i < tasks; i++) {
				if (!inPart.test(i)) {
					continue;
				}
				body.append("{\"op\":\"create\",\"type\":\"task\",\"ref\":\"t").append(i).append("\",\"value\":")
					.append(taskJson(i))
					.append("},");
			}
			for (int m = firstMilestone; m < endMilestone; m++) {
				body.append("{\"op\":\"create\",\"type\":\"milestone\",\"ref\":\"m").append(m).append("\",\"value\":")
					.append(milestoneJson(m))
					.append("},");
			}
			for (int[] link : links) {
				if (!inPart.test(link[0])) {
					continue;
				}
				String successor = link[1] < 0 ? "m" + (-link[1] - 1) : "t" + link[1];
				body.append("{\"op\":\"create\",\"type\":\"dependency\",\"value\":{\"predecessor\":{\"ref\":\"t")
					.append(link[0])
					.append("\"},\"successor\":{\"ref\":\"")
					.append(successor)
					.append("\"},\"type\":\"FS\",\"lagDays\":0}},");
			}
			body.setLength(body.length() - 1);
			return body.append("]}").toString();
		}

		void oneByOne(Http http, String base, String key, String auth) {
			List<String> taskIds = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				Reply r = http.must(http.json(base, "POST", "/api/v1/projects/" + key + "/tasks", auth, taskJson(i), null),
						"create task");
				taskIds.add(match("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", r.body()));
			}
			List<String> milestoneIds = new ArrayList<>();
			for (int m = 0; m < milestones(); m++) {
				Reply r = http.must(http.json(base, "POST", "/api/v1/projects/" + key + "/milestones", auth,
						milestoneJson(m), null), "create milestone");
				milestoneIds.add(match("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", r.body()));
			}
			for (int[] link : links()) {
				String successor = link[1] < 0 ? milestoneIds.get(-link[1] - 1) : taskIds.get(link[1]);
				http.must(http.json(base, "POST", "/api/v1/projects/" + key + "/dependencies", auth,
						"{\"predecessor\":\"" + taskIds.get(link[0]) + "\",\"successor\":\"" + successor
								+ "\",\"type\":\"FS\",\"lagDays\":0}",
						null), "create link");
			}
		}

	}

	// ---------------------------------------------------------------------------------------------
	// Recording latencies

	static final class Recorder {

		final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

		final AtomicInteger timeouts = new AtomicInteger();

		final AtomicLong requests = new AtomicLong();

		final Map<String, String> firstError = new ConcurrentHashMap<>();

		void record(String op, Reply reply, long latencyNanos) {
			requests.incrementAndGet();
			nanos.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>())).add(latencyNanos);
			if (reply.timedOut()) {
				timeouts.incrementAndGet();
			}
			if (!reply.ok()) {
				String kind = op + " " + (reply.timedOut() ? "timeout" : Integer.toString(reply.status()));
				errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
				firstError.putIfAbsent(kind, abbreviate(reply.body()));
			}
		}

		int errorCount() {
			return errors.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		List<Long> allLatencies() {
			List<Long> all = new ArrayList<>();
			nanos.values().forEach(all::addAll);
			return all;
		}

		void print(double seconds) {
			List<Long> all = allLatencies();
			System.out.printf(Locale.ROOT, "requests %d in %.1f s: %.1f req/s; errors %d; timeouts %d%n", all.size(), seconds,
					all.size() / seconds, errorCount(), timeouts.get());
			System.out.printf(Locale.ROOT, "%-22s %8s %9s %9s %9s %9s%n", "operation", "count", "p50 ms", "p90 ms", "p99 ms",
					"max ms");
			new TreeMap<>(nanos).forEach((op, list) -> printRow(op, list));
			printRow("all", all);
			errors.forEach((kind, count) -> System.out.printf("error %s × %d: %s%n", kind, count.get(), firstError.get(kind)));
		}

		static void printRow(String op, List<Long> list) {
			long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "%-22s %8d %9.1f %9.1f %9.1f %9.1f%n", op, sorted.length, ms(pct(sorted, 50)),
					ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
		}

	}

	static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	// ---------------------------------------------------------------------------------------------
	// mixed: 70 % reads, 30 % writes

	static final class Mixed {

		final Http http;

		final int clients;

		final int seconds;

		final double rate;

		final int tasks;

		Mixed(Http http, Map<String, String> options) {
			this.http = http;
			this.clients = Integer.parseInt(options.getOrDefault("clients", "200"));
			this.seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
			this.rate = Double.parseDouble(options.getOrDefault("rate", "0"));
			this.tasks = Integer.parseInt(options.getOrDefault("tasks", "1000"));
			this.warmup = Integer.parseInt(options.getOrDefault("warmup-seconds", "0"));
		}

		/** Seconds of the same load before the measured run, not recorded: a fresh instance compiles its code first. */
		final int warmup;

		void run() throws Exception {
			String base = http.bases.get(0);
			String key = "L" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
			System.out.printf("setting up project %s with %d tasks on %s%n", key, tasks, base);
			Project project = new Setup(http).project(base, key, tasks, 20);
			List<String> sessions = new ArrayList<>();
			for (int i = 0; i < project.memberNames().size(); i++) {
				sessions.add(http.signIn(http.base(i), project.memberNames().get(i), PASSWORD));
			}
			System.out.printf(Locale.ROOT, "%d clients for %d s against %s%s%n", clients, seconds, http.bases,
					rate > 0 ? String.format(Locale.ROOT, " at %.1f req/s in all", rate) : " (closed loop)");
			if (warmup > 0) {
				Recorder unrecorded = new Recorder();
				drive(project, sessions, unrecorded, warmup);
				System.out.printf(Locale.ROOT, "warm-up of %d s: %d requests, not counted%n", warmup, unrecorded.requests.get());
			}
			Recorder recorder = new Recorder();
			long begin = System.nanoTime();
			drive(project, sessions, recorder, seconds);
			recorder.print((System.nanoTime() - begin) / 1e9);
			if (recorder.errorCount() > 0) {
				System.exit(1);
			}
		}

		void drive(Project project, List<String> sessions, Recorder recorder, int forSeconds) throws InterruptedException {
			long end = System.nanoTime() + forSeconds * 1_000_000_000L;
			CountDownLatch done = new CountDownLatch(clients);
			for (int c = 0; c < clients; c++) {
				int client = c;
				Thread thread = new Thread(() -> {
					try {
						new Client(client, project, sessions, recorder, end).loop();
					}
					finally {
						done.countDown();
					}
				}, "client-" + c);
				thread.setDaemon(true);
				thread.start();
			}
			done.await();
		}

		final class Client {

			final int index;

			final Project project;

			final List<String> sessions;

			final Recorder recorder;

			final long end;

			final Random random;

			final String base;

			final List<String> ownTasks = new ArrayList<>();

			Client(int index, Project project, List<String> sessions, Recorder recorder, long end) {
				this.index = index;
				this.project = project;
				this.sessions = sessions;
				this.recorder = recorder;
				this.end = end;
				this.random = new Random(index * 7919L);
				this.base = http.base(index);
			}

			void loop() {
				double perClient = rate / clients;
				long interval = rate > 0 ? (long) (1e9 / perClient) : 0;
				long next = System.nanoTime() + (interval > 0 ? (long) (random.nextDouble() * interval) : 0);
				while (System.nanoTime() < end) {
					long intended = System.nanoTime();
					if (interval > 0) {
						long wait = next - System.nanoTime();
						if (wait > 0) {
							sleepNanos(wait);
						}
						intended = next;
						next += interval;
						if (intended >= end) {
							return;
						}
					}
					one(intended);
				}
			}

			void one(long intended) {
				int member = index % project.memberTokens().size();
				String token = project.memberTokens().get(member);
				String session = sessions.get(member);
				String path = "/api/v1/projects/" + project.key();
				int roll = random.nextInt(100);
				String op;
				Reply reply;
				if (roll < 20) {
					op = "GET tasks";
					reply = http.get(base, path + "/tasks?size=50&page=" + random.nextInt(Math.max(1, project.taskIds().size() / 50)), token);
				}
				else if (roll < 35) {
					op = "GET schedule";
					reply = http.get(base, path + "/schedule", token);
				}
				else if (roll < 50) {
					op = "GET overview page";
					reply = http.get(base, "/projects/" + project.key(), session);
				}
				else if (roll < 60) {
					op = "GET milestone page";
					reply = http.get(base, "/projects/" + project.key() + "/milestones/"
							+ project.milestoneIds().get(random.nextInt(project.milestoneIds().size())), session);
				}
				else if (roll < 70) {
					op = "GET task";
					reply = http.get(base, path + "/tasks/" + pick(project.taskIds()), token);
				}
				else if (roll < 82) {
					op = "PATCH progress";
					reply = patchOwn(path, project.managerToken(), "{\"percentComplete\":" + random.nextInt(100) + "}");
				}
				else if (roll < 90) {
					op = "PATCH duration";
					reply = patchOwn(path, project.managerToken(), "{\"durationDays\":" + (1 + random.nextInt(10)) + "}");
				}
				else if (roll < 96 || ownTasks.size() < 2) {
					op = "POST task";
					reply = http.json(base, "POST", path + "/tasks", project.managerToken(),
							"{\"name\":\"Load task " + index + "-" + ownTasks.size() + "\",\"durationDays\":"
									+ (1 + random.nextInt(5)) + "}",
							null);
					if (reply.ok()) {
						ownTasks.add(match("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", reply.body()));
					}
				}
				else {
					op = "POST link";
					int a = random.nextInt(ownTasks.size() - 1);
					int b = a + 1 + random.nextInt(ownTasks.size() - a - 1);
					reply = http.json(base, "POST", path + "/dependencies", project.managerToken(),
							"{\"predecessor\":\"" + ownTasks.get(a) + "\",\"successor\":\"" + ownTasks.get(b)
									+ "\",\"type\":\"FS\",\"lagDays\":0}",
							null);
					if (reply.status() == 409) {
						// the same pair linked twice: a refusal the client caused, not a failure
						reply = new Reply(200, reply.body(), null, null, reply.nanos(), false);
					}
				}
				recorder.record(op, reply, System.nanoTime() - intended);
			}

			/** Changes one of the tasks this client created (read for its ETag, then patched). */
			Reply patchOwn(String path, String token, String patch) {
				if (ownTasks.isEmpty()) {
					Reply created = http.json(base, "POST", path + "/tasks", token,
							"{\"name\":\"Load task " + index + "-0\",\"durationDays\":3}", null);
					if (!created.ok()) {
						return created;
					}
					ownTasks.add(match("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"", created.body()));
				}
				String id = ownTasks.get(random.nextInt(ownTasks.size()));
				Reply read = http.get(base, path + "/tasks/" + id, token);
				if (!read.ok()) {
					return read;
				}
				return http.json(base, "PATCH", path + "/tasks/" + id, token, patch, read.etag());
			}

			String pick(List<String> list) {
				return list.get(random.nextInt(list.size()));
			}

		}

	}

	static void sleepNanos(long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	// ---------------------------------------------------------------------------------------------
	// ratios: interleaved throughput of one task as JSON and the overview page against liveness

	static final class Ratios {

		final Http http;

		final int clients;

		final int seconds;

		final int rounds;

		final int tasks;

		final String only;

		Ratios(Http http, Map<String, String> options) {
			this.http = http;
			this.tasks = Integer.parseInt(options.getOrDefault("tasks", "1000"));
			this.clients = Integer.parseInt(options.getOrDefault("clients", "32"));
			this.seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
			this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
			this.only = options.get("only");
		}

		void run() throws Exception {
			String base = http.bases.get(0);
			String key = "R" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
			Project project = new Setup(http).project(base, key, tasks, 4);
			String session = http.signIn(base, project.memberNames().get(0), PASSWORD);
			String token = project.memberTokens().get(0);
			String task = project.taskIds().get(project.taskIds().size() / 2);
			Map<String, Supplier<Reply>> targets = new LinkedHashMap<>();
			targets.put("liveness", () -> http.get(base, "/actuator/health/liveness", null));
			targets.put("task JSON", () -> http.get(base, "/api/v1/projects/" + key + "/tasks/" + task, token));
			targets.put("overview page", () -> http.get(base, "/projects/" + key, session));
			// --only task (or overview) measures one target, e.g. under a profiler; liveness stays as the baseline
			if (only != null) {
				targets.keySet().removeIf(name -> !name.equals("liveness") && !name.startsWith(only));
			}
			Map<String, List<Double>> throughput = new LinkedHashMap<>();
			for (String name : targets.keySet()) {
				throughput.put(name, new ArrayList<>());
			}
			// one warm-up round, not counted
			for (int round = 0; round <= rounds; round++) {
				for (Map.Entry<String, Supplier<Reply>> target : targets.entrySet()) {
					double perSecond = measure(target.getValue());
					if (round > 0) {
						throughput.get(target.getKey()).add(perSecond);
					}
					System.out.printf(Locale.ROOT, "round %d %-14s %9.1f req/s%n", round, target.getKey(), perSecond);
				}
			}
			double liveness = median(throughput.get("liveness"));
			for (String name : targets.keySet()) {
				double m = median(throughput.get(name));
				System.out.printf(Locale.ROOT, "%-14s median %9.1f req/s  = %.2f × liveness%n", name, m, m / liveness);
			}
		}

		double measure(Supplier<Reply> call) throws InterruptedException {
			AtomicLong count = new AtomicLong();
			AtomicInteger failures = new AtomicInteger();
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			CountDownLatch done = new CountDownLatch(clients);
			long begin = System.nanoTime();
			for (int c = 0; c < clients; c++) {
				Thread thread = new Thread(() -> {
					while (System.nanoTime() < end) {
						Reply reply = call.get();
						if (reply.ok()) {
							count.incrementAndGet();
						}
						else if (failures.incrementAndGet() == 1) {
							System.err.println("failed: " + reply.status() + " " + abbreviate(reply.body()));
						}
					}
					done.countDown();
				});
				thread.setDaemon(true);
				thread.start();
			}
			done.await();
			if (failures.get() > 0) {
				throw new IllegalStateException(failures.get() + " requests failed");
			}
			return count.get() / ((System.nanoTime() - begin) / 1e9);
		}

	}

	// ---------------------------------------------------------------------------------------------
	// sizes: the cost of each operation against plan size

	static final class Sizes {

		final Http http;

		final int[] sizes;

		final int rounds;

		Sizes(Http http, Map<String, String> options) {
			this.http = http;
			this.sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000,50000").split(","))
				.mapToInt(Integer::parseInt)
				.toArray();
			this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		}

		record Loaded(int size, Project project, String session) {
		}

		void run() throws Exception {
			String base = http.bases.get(0);
			List<Loaded> plans = new ArrayList<>();
			for (int size : sizes) {
				String key = "S" + size / 1000 + "K" + Long.toString(System.currentTimeMillis() % 10_000, 36).toUpperCase(Locale.ROOT);
				key = key.length() > 10 ? key.substring(0, 10) : key;
				long start = System.nanoTime();
				Project project = new Setup(http).project(base, key, size, 2);
				System.out.printf(Locale.ROOT, "loaded %s: %d tasks, %d milestones in %.1f s%n", key, project.taskIds().size(),
						project.milestoneIds().size(), (System.nanoTime() - start) / 1e9);
				plans.add(new Loaded(size, project, http.signIn(base, project.memberNames().get(0), PASSWORD)));
			}
			Map<String, Map<Integer, List<Double>>> results = new LinkedHashMap<>();
			for (int round = 0; round <= rounds; round++) {
				for (Loaded plan : plans) {
					Map<String, Double> one = measure(base, plan, round);
					if (round == 0) {
						continue; // warm-up
					}
					one.forEach((op, millis) -> results.computeIfAbsent(op, k -> new LinkedHashMap<>())
						.computeIfAbsent(plan.size(), k -> new ArrayList<>())
						.add(millis));
				}
			}
			System.out.printf("%n| operation |");
			for (int size : sizes) {
				System.out.printf(Locale.ROOT, " %,d tasks |", size);
			}
			System.out.printf(" growth per 10× |%n|---|");
			for (int i = 0; i <= sizes.length; i++) {
				System.out.print("---:|");
			}
			System.out.println();
			results.forEach((op, bySize) -> {
				System.out.printf("| %s |", op);
				for (int size : sizes) {
					System.out.printf(Locale.ROOT, " %.1f ms |", median(bySize.get(size)));
				}
				double first = median(bySize.get(sizes[0]));
				double last = median(bySize.get(sizes[sizes.length - 1]));
				double decades = Math.log10((double) sizes[sizes.length - 1] / sizes[0]);
				System.out.printf(Locale.ROOT, " %.1f× |%n", Math.pow(last / first, 1 / decades));
			});
		}

		Map<String, Double> measure(String base, Loaded plan, int round) {
			Map<String, Double> millis = new LinkedHashMap<>();
			Project p = plan.project();
			String api = "/api/v1/projects/" + p.key();
			String task = p.taskIds().get((round * 7919) % p.taskIds().size());
			Reply read = http.must(http.get(base, api + "/tasks/" + task, p.managerToken()), "read task");
			Reply patched = http.must(http.json(base, "PATCH", api + "/tasks/" + task, p.managerToken(),
					"{\"durationDays\":" + (round % 2 == 0 ? 3 : 4) + "}", read.etag()), "PATCH duration");
			millis.put("PATCH a duration", ms(patched.nanos()));
			millis.put("GET schedule", ms(http.must(http.get(base, api + "/schedule", p.managerToken()), "schedule").nanos()));
			millis.put("overview page", ms(http.must(http.get(base, "/projects/" + p.key(), plan.session()), "overview").nanos()));
			millis.put("Gantt first screen", ms(http.must(http.get(base, "/projects/" + p.key() + "/gantt", plan.session()),
					"gantt").nanos()));
			millis.put("report.pdf", ms(http.must(http.get(base, "/projects/" + p.key() + "/report.pdf", plan.session()),
					"report.pdf").nanos()));
			millis.put("simulation (1,000 runs)", ms(simulate(base, p)));
			return millis;
		}

		/** Runs a 1,000-iteration simulation through the API (it answers when it is done). */
		long simulate(String base, Project p) {
			return http.must(http.json(base, "POST", "/api/v1/projects/" + p.key() + "/simulation", p.managerToken(),
					"{\"iterations\":1000,\"seed\":7}", null), "simulation").nanos();
		}

	}

	// recompute: a PATCH of a duration, until its statuses are recomputed, and the reads after it

	/**
	 * Loads plans of {@code --sizes} tasks through the bulk endpoint, then in interleaved rounds
	 * (one warm-up, {@code --rounds} measured) times, on each: a PATCH of a duration; the time from
	 * sending it until the worker has recomputed the project's statuses (polling the
	 * {@code milepost.status.recompute} timer every 10 ms); the recompute itself as that timer
	 * measured it in the instance; then GET schedule and GET milestone-status. Run it once with the
	 * plan cache on and once with {@code MILEPOST_PLAN_CACHE_MAX_ACTIVITIES=0} to compare.
	 */
	static final class Recompute {

		final Http http;

		final int[] sizes;

		final int rounds;

		// the metrics are for a signed-in administrator's session
		String adminSession;

		Recompute(Http http, Map<String, String> options) {
			this.http = http;
			this.sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000").split(","))
				.mapToInt(Integer::parseInt)
				.toArray();
			this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		}

		void run() throws Exception {
			String base = http.bases.get(0);
			adminSession = http.signIn(base, "admin", http.adminPassword);
			List<Project> plans = new ArrayList<>();
			for (int size : sizes) {
				String key = "R" + size / 1000 + "K" + Long.toString(System.currentTimeMillis() % 10_000, 36).toUpperCase(Locale.ROOT);
				key = key.length() > 10 ? key.substring(0, 10) : key;
				long start = System.nanoTime();
				Project project = new Setup(http).project(base, key, size, 2);
				System.out.printf(Locale.ROOT, "loaded %s: %d tasks, %d milestones in %.1f s%n", key,
						project.taskIds().size(), project.milestoneIds().size(), (System.nanoTime() - start) / 1e9);
				awaitIdle(base);
				plans.add(project);
			}
			Map<String, Map<Integer, List<Double>>> results = new LinkedHashMap<>();
			for (int round = 0; round <= rounds; round++) {
				for (int i = 0; i < plans.size(); i++) {
					Map<String, Double> one = measure(base, plans.get(i), round);
					if (round == 0) {
						continue; // warm-up
					}
					int size = sizes[i];
					one.forEach((op, millis) -> results.computeIfAbsent(op, k -> new LinkedHashMap<>())
						.computeIfAbsent(size, k -> new ArrayList<>())
						.add(millis));
				}
			}
			System.out.printf("%n| operation (median ms) |");
			for (int size : sizes) {
				System.out.printf(Locale.ROOT, " %,d tasks |", size);
			}
			System.out.printf("%n|---|");
			for (int i = 0; i < sizes.length; i++) {
				System.out.print("---:|");
			}
			System.out.println();
			results.forEach((op, bySize) -> {
				System.out.printf("| %s |", op);
				for (int size : sizes) {
					System.out.printf(Locale.ROOT, " %.1f |", median(bySize.get(size)));
				}
				System.out.println();
			});
			System.out.println();
			for (String counter : List.of("hits", "misses", "edits", "evictions")) {
				Reply metric = http.get(base, "/actuator/metrics/milepost.plan.cache." + counter, adminSession);
				System.out.printf("milepost.plan.cache.%s: %s%n", counter, metric.status() != 200 ? "(none)"
						: match("\"value\"\\s*:\\s*([0-9.E-]+)", metric.body()));
			}
		}

		Map<String, Double> measure(String base, Project p, int round) throws InterruptedException {
			Map<String, Double> millis = new LinkedHashMap<>();
			String api = "/api/v1/projects/" + p.key();
			String task = p.taskIds().get((round * 7919) % p.taskIds().size());
			double[] before = recomputes(base);
			Reply read = http.must(http.get(base, api + "/tasks/" + task, p.managerToken()), "read task");
			long sent = System.nanoTime();
			Reply patched = http.must(http.json(base, "PATCH", api + "/tasks/" + task, p.managerToken(),
					"{\"durationDays\":" + (round % 2 == 0 ? 3 : 4) + "}", read.etag()), "PATCH duration");
			millis.put("PATCH a duration", ms(patched.nanos()));
			double[] after;
			do {
				Thread.sleep(10);
				after = recomputes(base);
			}
			while (after[0] <= before[0]);
			millis.put("PATCH sent → statuses recomputed", ms(System.nanoTime() - sent));
			millis.put("recompute (in the instance)", (after[1] - before[1]) / (after[0] - before[0]) * 1000);
			millis.put("GET schedule", ms(http.must(http.get(base, api + "/schedule", p.managerToken()), "schedule").nanos()));
			millis.put("GET milestone-status",
					ms(http.must(http.get(base, api + "/milestone-status", p.managerToken()), "status").nanos()));
			return millis;
		}

		/** Waits until the recomputes the loading asked for are done (the timer stops moving). */
		void awaitIdle(String base) throws InterruptedException {
			double[] last = recomputes(base);
			while (true) {
				Thread.sleep(2000);
				double[] now = recomputes(base);
				if (now[0] == last[0]) {
					return;
				}
				last = now;
			}
		}

		/** The recompute timer's count and total seconds. */
		double[] recomputes(String base) {
			Reply metric = http.get(base, "/actuator/metrics/milepost.status.recompute", adminSession);
			if (metric.status() == 404) {
				return new double[] { 0, 0 };
			}
			http.must(metric, "recompute timer");
			String count = match("\"statistic\"\\s*:\\s*\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E-]+)", metric.body());
			String total = match("\"statistic\"\\s*:\\s*\"TOTAL_TIME\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E-]+)", metric.body());
			if (count == null || total == null) {
				throw new IllegalStateException("no count or total in " + abbreviate(metric.body()));
			}
			return new double[] { Double.parseDouble(count), Double.parseDouble(total) };
		}

	}

	// bulk: one request that loads a whole plan

	/**
	 * Loads a plan of {@code --tasks} tasks (a milestone every 50) and {@code --links} links in one
	 * {@code POST …/plan/changes}, into a fresh project each round, and times it; then sends the
	 * same plan with one bad task in the middle and checks it is refused by its position with
	 * nothing stored.
	 */
	static final class Bulk {

		final Http http;

		final int tasks;

		final int links;

		final int rounds;

		Bulk(Http http, Map<String, String> options) {
			this.http = http;
			this.tasks = Integer.parseInt(options.getOrDefault("tasks", "10000"));
			this.links = Integer.parseInt(options.getOrDefault("links", "15000"));
			this.rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		}

		void run() {
			String base = http.bases.get(0);
			Setup setup = new Setup(http);
			String run = Long.toString(System.currentTimeMillis() % 100000, 36);
			String manager = setup.person(base, ("bulk-" + run).toLowerCase(Locale.ROOT), false);
			String token = setup.token(base, manager);
			LocalDate start = LocalDate.now().minusDays(30);
			int bad = tasks / 2;
			String body = body(start, manager, -1);
			System.out.printf("bulk: %,d tasks, %,d milestones, %,d links = %,d operations, %,d bytes%n", tasks,
					milestones(), links, tasks + milestones() + links, body.getBytes(StandardCharsets.UTF_8).length);
			List<Double> times = new ArrayList<>();
			for (int round = 0; round <= rounds; round++) {
				String key = project(base, token, manager, start, "B" + round);
				Reply reply = http.bulk(base, key, token, body);
				http.must(reply, "bulk load");
				double seconds = reply.nanos() / 1e9;
				// counted from the answer: listing 10,000 tasks through the API is a cost of its own
				long stored = all("\"type\"\\s*:\\s*\"(task)\"", reply.body()).size();
				long linked = all("\"type\"\\s*:\\s*\"(dependency)\"", reply.body()).size();
				System.out.printf("%s %d: %d in %.2f s; created %,d tasks, %,d links%n", round == 0 ? "warm-up" : "round",
						round, reply.status(), seconds, stored, linked);
				if (stored != tasks || linked != links) {
					throw new IllegalStateException("created " + stored + " tasks and " + linked + " links");
				}
				if (round > 0) {
					times.add(seconds);
				}
			}
			System.out.printf("bulk load of %,d tasks and %,d links: median %.2f s over %d rounds (min %.2f, max %.2f)%n",
					tasks, links, median(times), times.size(), Collections.min(times), Collections.max(times));
			String key = project(base, token, manager, start, "BX");
			Reply refused = http.bulk(base, key, token, body(start, manager, bad));
			String field = match("\"field\"\\s*:\\s*\"([^\"]+)\"", refused.body());
			long stored = total(base, key, "tasks", token) + total(base, key, "dependencies", token);
			System.out.printf("one bad task (operation %d): %d in %.2f s, first error at %s, %d items stored%n", bad,
					refused.status(), refused.nanos() / 1e9, field, stored);
			if (refused.status() != 422 || !("operations[" + bad + "].value.durationDays").equals(field) || stored != 0) {
				throw new IllegalStateException("the bad item was not refused as it should be: " + abbreviate(refused.body()));
			}
		}

		int milestones() {
			return Math.max(1, tasks / 50);
		}

		String project(String base, String token, String manager, LocalDate start, String prefix) {
			String key = (prefix + Long.toString(System.nanoTime() % 1_000_000, 36)).toUpperCase(Locale.ROOT);
			key = key.length() > 10 ? key.substring(0, 10) : key;
			http.must(http.json(base, "POST", "/api/v1/projects", token,
					"{\"key\":" + quote(key) + ",\"name\":\"Bulk " + key + "\",\"sponsor\":" + quote(manager)
							+ ",\"manager\":" + quote(manager) + ",\"start\":\"" + start + "\",\"targetFinish\":\""
							+ start.plusYears(3) + "\",\"status\":\"ACTIVE\"}",
					null), "create project " + key);
			return key;
		}

		long total(String base, String key, String what, String token) {
			Reply reply = http.must(http.get(base, "/api/v1/projects/" + key + "/" + what + "?size=1", token), "count");
			return Long.parseLong(match("\"totalItems\"\\s*:\\s*(\\d+)", reply.body()));
		}

		/**
		 * Chains of 50 tasks each feeding a milestone, then links from earlier to later tasks (so
		 * never a cycle) until there are {@code links}; the task at {@code bad} gets 0 days.
		 */
		String body(LocalDate start, String owner, int bad) {
			StringBuilder body = new StringBuilder(tasks * 250).append("{\"operations\":[");
			for (int i = 0; i < tasks; i++) {
				body.append("{\"op\":\"create\",\"type\":\"task\",\"ref\":\"t").append(i)
					.append("\",\"value\":{\"name\":\"Task ").append(i).append("\",\"durationDays\":")
					.append(i == bad ? 0 : 1 + i % 10).append(",\"plannedStart\":\"").append(start).append("\"}},");
			}
			for (int m = 0; m < milestones(); m++) {
				body.append("{\"op\":\"create\",\"type\":\"milestone\",\"ref\":\"m").append(m)
					.append("\",\"value\":{\"name\":\"Milestone ").append(m).append("\",\"targetDate\":\"")
					.append(start.plusDays(60L + 28L * m)).append("\",\"owner\":").append(quote(owner))
					.append(",\"criterion\":{\"kind\":\"OWNER_CONFIRMATION\",\"text\":\"Stage ").append(m)
					.append(" signed off\"}}},");
			}
			java.util.Set<Long> made = new java.util.HashSet<>();
			int count = 0;
			for (int i = 0; i < tasks && count < links; i++) {
				if (i % 50 > 0) {
					count += link(body, made, "t" + (i - 1), "t" + i, i - 1, i);
				}
				if (i % 50 == 49 || i == tasks - 1) {
					count += link(body, made, "t" + i, "m" + Math.min(milestones() - 1, i / 50), i, tasks + i / 50);
				}
			}
			Random random = new Random(42);
			while (count < links) {
				int a = random.nextInt(tasks - 1);
				int b = a + 1 + random.nextInt(Math.min(200, tasks - a - 1));
				count += link(body, made, "t" + a, "t" + b, a, b);
			}
			body.setLength(body.length() - 1);
			return body.append("]}").toString();
		}

		static int link(StringBuilder body, java.util.Set<Long> made, String from, String to, int a, int b) {
			if (!made.add((long) a << 32 | b)) {
				return 0;
			}
			body.append("{\"op\":\"create\",\"type\":\"dependency\",\"value\":{\"predecessor\":{\"ref\":\"")
				.append(from).append("\"},\"successor\":{\"ref\":\"").append(to)
				.append("\"},\"type\":\"FS\",\"lagDays\":0}},");
			return 1;
		}

	}

}
