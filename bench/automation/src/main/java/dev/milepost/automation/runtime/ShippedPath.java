package dev.milepost.automation.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.milepost.MilepostApplication;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.Users;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Milepost's side of the automation benchmark: the application as it ships, started on the
 * benchmark's database with {@code workers} pump threads, a project whose milestone is late
 * (its feeding task finishes after its target), and the benchmark blueprint saved and activated
 * through the REST API. An event is what the schedule module publishes when a milestone turns at
 * risk ({@link MilestoneStatusChanged}), published in a transaction of its own as the schedule
 * does; from there on everything is the shipped runtime: the capture in that transaction, the
 * pump's claim, the stored rule, the variables from the plan and its forecast, the CEL condition,
 * the run log and the notice written through the notification module's outbox.
 */
public final class ShippedPath implements AutoCloseable {

	static final String PASSWORD = "bench-admin-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final String base;

	private final EventPump pump;

	private final EventCapture capture;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AtomicLong sequence = new AtomicLong();

	private String key;

	private UUID projectId;

	private UUID milestoneId;

	private UUID ownerId;

	public ShippedPath(String url, String user, int workers) {
		// command-line arguments: they outrank application.yml, as an operator's settings would
		Map<String, String> settings = Map.ofEntries(Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", user), Map.entry("spring.datasource.password", ""),
				Map.entry("spring.datasource.hikari.maximum-pool-size", "10"), Map.entry("server.port", "0"),
				Map.entry("milepost.admin.password", PASSWORD), Map.entry("milepost.demo.enabled", "false"),
				Map.entry("milepost.automation.default-blueprint", "false"),
				// no delivery loop or background sweeps: the pump alone handles the events
				Map.entry("milepost.background.enabled", "false"),
				Map.entry("milepost.automation.workers", Integer.toString(workers)),
				Map.entry("logging.level.root", "WARN"), Map.entry("spring.main.banner-mode", "off"));
		context = new SpringApplicationBuilder(MilepostApplication.class).logStartupInfo(false)
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		pump = context.getBean(EventPump.class);
		capture = context.getBean(EventCapture.class);
		jdbc = context.getBean(JdbcClient.class);
		transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
	}

	/** Makes the project, its late milestone and the active benchmark blueprint; returns the project key. */
	public String setUp(String projectKey, String blueprint) {
		key = projectKey;
		String owner = projectKey.toLowerCase() + "-owner";
		ownerId = context.getBean(Users.class)
			.create(new NewUser(owner, "Milestone Owner", owner + "@example.com", PASSWORD, false), "system")
			.id();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		post("/api/v1/projects", Map.of("key", key, "name", "Benchmark " + key, "sponsor", "admin", "manager", "admin",
				"start", today.minusDays(30).toString(), "targetFinish", today.plusYears(1).toString(), "status",
				"ACTIVE"));
		projectId = jdbc.sql("select id from project where project_key = :key").param("key", key).query(UUID.class).single();
		post(path("/members"), Map.of("username", owner, "role", "MEMBER"));
		String task = post(path("/tasks"), Map.of("name", "Build the release", "durationDays", 40, "effortHours", 320,
				"plannedStart", today.toString(), "assignees", List.of(owner))).get("id").asString();
		milestoneId = UUID.fromString(post(path("/milestones"), Map.of("name", "Release candidate", "targetDate",
				today.plusDays(14).toString(), "owner", owner, "tags", List.of("release", "development"), "criterion",
				Map.of("kind", "OWNER_CONFIRMATION", "text", "The owner confirms the candidate is built")))
			.get("id").asString());
		post(path("/dependencies"), Map.of("predecessor", task, "successor", milestoneId.toString(), "type", "FS",
				"lagDays", 0));
		post(path("/blueprints"), Map.of("yaml", blueprint, "activate", true));
		return key;
	}

	/** Milliseconds one reading of the plan as rules see it takes (averaged). */
	public double factsMillis(int times) {
		RuleRunner runner = context.getBean(RuleRunner.class);
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			runner.facts(projectId);
		}
		return (System.nanoTime() - start) / 1e6 / times;
	}

	public UUID projectId() {
		return projectId;
	}

	public UUID ownerId() {
		return ownerId;
	}

	public String milestoneName() {
		return "Release candidate";
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * Captures {@code count} events on {@code threads} threads, the pump stopped, each in a
	 * transaction of its own (as the schedule's change would be); returns the nanoseconds taken.
	 * The event goes to the runtime's listener alone: the other modules' listeners of the same
	 * event (the built-in at-risk notice, live page updates) do their work with or without
	 * automation, and Flowable's side does not pay for them either.
	 */
	public long capture(int count, int threads) throws InterruptedException {
		pump.stop();
		return parallel(threads, count, () -> transactions.executeWithoutResult(status -> capture.on(
				new MilestoneStatusChanged(key, milestoneId, "Release candidate", MilestoneStatus.ON_TRACK,
						MilestoneStatus.AT_RISK, null, null, List.of()))));
	}

	/** Starts the pump and waits until it has handled every captured event; returns the nanoseconds taken. */
	public long handle() throws InterruptedException {
		long start = System.nanoTime();
		pump.start();
		while (waiting() > 0) {
			Thread.sleep(10);
		}
		return System.nanoTime() - start;
	}

	long waiting() {
		return jdbc.sql("select count(*) from automation_event where status in ('PENDING', 'CLAIMED')")
			.query(Long.class)
			.single();
	}

	/** Runs {@code count} calls of the work spread over {@code threads} threads; returns the nanoseconds taken. */
	public static long parallel(int threads, int count, Runnable work) throws InterruptedException {
		AtomicLong left = new AtomicLong(count);
		AtomicReference<RuntimeException> failed = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(threads);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(new Thread(() -> {
				try {
					while (left.decrementAndGet() >= 0 && failed.get() == null) {
						work.run();
					}
				}
				catch (RuntimeException e) {
					failed.compareAndSet(null, e);
				}
				finally {
					done.countDown();
				}
			}));
		}
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		done.await();
		long elapsed = System.nanoTime() - start;
		if (failed.get() != null) {
			throw failed.get();
		}
		return elapsed;
	}

	private String path(String rest) {
		return "/api/v1/projects/" + key + rest;
	}

	private JsonNode post(String path, Object body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		context.close();
	}

}
