package dev.milepost.bench.automation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.milepost.automation.definition.Rule;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;

/**
 * Throughput of event → CEL condition → in-app notification rows on PostgreSQL: Milepost's path
 * (the rules of a parsed blueprint looked up by trigger, the compiled CEL condition evaluated, the
 * outbox rows written in one transaction) against the same work as a one-service-task BPMN process
 * in an embedded Flowable 7.1 engine (history level audit), at each thread count, in the same run.
 *
 * <pre>
 * java -cp "bench/automation/target/classes:$(cat bench/automation/target/classpath.txt)" \
 *   dev.milepost.bench.automation.AutomationBenchmark jdbc:postgresql://127.0.0.1:5432/milepost_bench postgres 1,4 5 15
 * </pre>
 */
public final class AutomationBenchmark {

	interface Path {

		void handle(long n) throws Exception;

	}

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/milepost_bench";
		String user = args.length > 1 ? args[1] : "postgres";
		int[] threadCounts = java.util.Arrays.stream((args.length > 2 ? args[2] : "1,4").split(","))
			.mapToInt(Integer::parseInt).toArray();
		int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;

		Work work = new Work();
		NotifyDelegate.work = work;
		try (HikariDataSource milepostPool = pool(url, user, "milepost");
				HikariDataSource flowablePool = pool(url, user, "flowable")) {
			try (Connection c = milepostPool.getConnection(); Statement s = c.createStatement()) {
				s.execute(Work.SCHEMA);
			}
			ProcessEngine flowable = flowable(flowablePool);
			flowable.getRepositoryService().createDeployment().addClasspathResource("notify.bpmn20.xml").deploy();
			RuntimeService runtime = flowable.getRuntimeService();

			// Milepost: the active rules are held per trigger, as ActiveBlueprints answers them
			Map<String, List<Rule>> active = Map.of(work.rule.when().name(), List.of(work.rule));
			Path milepost = n -> {
				try (Connection c = milepostPool.getConnection()) {
					c.setAutoCommit(false);
					for (Rule rule : active.getOrDefault("milestone.at-risk", List.of())) {
						work.handle(c, work.event(n));
					}
					c.commit();
				}
			};
			Path bpmn = n -> runtime.createProcessInstanceBuilder()
				.processDefinitionKey("notifyOnAtRisk")
				.transientVariable("event", work.event(n))
				.start();

			Map<String, double[]> results = new LinkedHashMap<>();
			for (int threads : threadCounts) {
				double m = run("milepost", milepost, threads, warmup, seconds, work, milepostPool);
				double f = run("flowable", bpmn, threads, warmup, seconds, work, milepostPool);
				results.put(threads + " thread" + (threads == 1 ? "" : "s"), new double[] { m, f });
			}
			flowable.close();

			System.out.println();
			System.out.println("| threads | Milepost events/s | Flowable 7.1 events/s | ratio |");
			System.out.println("|---|---|---|---|");
			results.forEach((threads, r) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2f× |%n", threads,
					r[0], r[1], r[0] / r[1]));
		}
	}

	private static HikariDataSource pool(String url, String user, String name) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setMaximumPoolSize(8);
		config.setPoolName(name);
		return new HikariDataSource(config);
	}

	private static ProcessEngine flowable(HikariDataSource pool) {
		ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setDataSource(pool)
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setAsyncExecutorActivate(false);
		config.setHistoryLevel(HistoryLevel.AUDIT);
		return config.buildProcessEngine();
	}

	/** Runs the path on {@code threads} threads: a warm-up, then the measured seconds; events per second. */
	private static double run(String name, Path path, int threads, int warmup, int seconds, Work work,
			HikariDataSource pool) throws Exception {
		truncate(pool);
		AtomicBoolean measuring = new AtomicBoolean(false);
		AtomicBoolean stop = new AtomicBoolean(false);
		AtomicLong done = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		CountDownLatch finished = new CountDownLatch(threads);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					while (!stop.get()) {
						try {
							path.handle(work.next());
							if (measuring.get()) {
								done.incrementAndGet();
							}
						}
						catch (Exception ex) {
							if (failures.incrementAndGet() == 1) {
								ex.printStackTrace();
							}
						}
					}
				}
				finally {
					finished.countDown();
				}
			}, name + "-" + t);
			workers.add(worker);
			worker.start();
		}
		Thread.sleep(warmup * 1000L);
		long before = countNotices(pool);
		measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		long elapsed = System.nanoTime() - start;
		long counted = done.get();
		stop.set(true);
		finished.await();
		long notices = countNotices(pool) - before;
		double rate = counted / (elapsed / 1e9);
		System.out.printf(Locale.ROOT, "%-8s %d thread(s): %8.0f events/s (%d events in %.1f s, %d notices written, %d failures)%n",
				name, threads, rate, counted, elapsed / 1e9, notices, failures.get());
		return rate;
	}

	private static void truncate(HikariDataSource pool) throws SQLException {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
			s.execute("truncate notification_delivery, notification_event");
		}
	}

	private static long countNotices(HikariDataSource pool) throws SQLException {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement();
				var rs = s.executeQuery("select count(*) from notification_event")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
