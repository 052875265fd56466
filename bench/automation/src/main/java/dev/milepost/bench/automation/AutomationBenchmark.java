package dev.milepost.bench.automation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.milepost.automation.runtime.ShippedPath;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;

/**
 * Throughput of event → CEL condition → in-app notification on PostgreSQL: Milepost as it ships
 * ({@link ShippedPath}: the application started with its pump on {@code threads} workers, a
 * stored, active blueprint) against the same rule as a one-service-task BPMN process in an
 * embedded Flowable 7.1 engine (history level audit) on the same database, at each thread count,
 * in the same run, rounds of the two sides interleaved.
 *
 * <p>A Milepost round publishes {@code events} milestone-at-risk events on {@code threads}
 * threads with the pump stopped (each in its own transaction, captured there), then starts the
 * pump and times it until every event is handled; its rate is events over the two times added
 * up, so at no moment more than {@code threads} threads work. A Flowable round starts
 * {@code events} process instances on {@code threads} threads. Both sides' rows are counted
 * after each round: a round that wrote fewer notices than events fails the run.
 *
 * <pre>
 * java -cp "bench/automation/target/classes:$(cat bench/automation/target/classpath.txt)" \
 *   dev.milepost.bench.automation.AutomationBenchmark jdbc:postgresql://127.0.0.1:5432/milepost_bench postgres 1,4 4000 5
 * </pre>
 */
public final class AutomationBenchmark {

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/milepost_bench";
		String user = args.length > 1 ? args[1] : "postgres";
		int[] threadCounts = Arrays.stream((args.length > 2 ? args[2] : "1,4").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int events = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
		int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;

		List<String> table = new ArrayList<>();
		ProcessEngine flowable = null;
		HikariDataSource flowablePool = null;
		try {
			for (int threads : threadCounts) {
				try (ShippedPath milepost = new ShippedPath(url, user, threads)) {
					milepost.setUp("BENCH" + threads, Work.BLUEPRINT);
					if (flowable == null) {
						// after the application's migrations: Flowable adds its own tables beside them
						flowablePool = pool(url, user);
						flowable = flowable(flowablePool);
						flowable.getRepositoryService()
							.createDeployment()
							.addClasspathResource("notify.bpmn20.xml")
							.deploy();
					}
					Work work = new Work(milepost.projectId(), milepost.ownerId());
					NotifyDelegate.work = work;
					RuntimeService runtime = flowable.getRuntimeService();
					Runnable startInstance = () -> runtime.createProcessInstanceBuilder()
						.processDefinitionKey("notifyOnAtRisk")
						.transientVariable("event", work.event(work.next()))
						.start();

					// warm-up, two full rounds a side: the JIT (still compiling after one), the pools, the caches
					for (int w = 0; w < 2; w++) {
						milepostRound(milepost, events, threads);
						flowableRound(milepost, startInstance, events, threads);
					}
					milepost.factsMillis(100);
					System.out.printf(Locale.ROOT, "  reading the plan as rules see it (once per batch and project): %.2f ms%n",
							milepost.factsMillis(200));
					double[] m = new double[rounds];
					double[] f = new double[rounds];
					for (int r = 0; r < rounds; r++) {
						m[r] = milepostRound(milepost, events, threads);
						f[r] = flowableRound(milepost, startInstance, events, threads);
						System.out.printf(Locale.ROOT, "%d thread(s), round %d: Milepost %.0f events/s, Flowable %.0f events/s%n",
								threads, r + 1, m[r], f[r]);
					}
					double milepostRate = median(m);
					double flowableRate = median(f);
					table.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f× |", threads, milepostRate,
							flowableRate, milepostRate / flowableRate));
				}
			}
		}
		finally {
			if (flowable != null) {
				flowable.close();
			}
			if (flowablePool != null) {
				flowablePool.close();
			}
		}
		System.out.println();
		System.out.println("| threads | Milepost events/s | Flowable 7.1 events/s | ratio |");
		System.out.println("|---|---:|---:|---:|");
		table.forEach(System.out::println);
	}

	/**
	 * Refreshes the planner's statistics of every table, both sides', as autovacuum would: the
	 * machine's PostgreSQL runs with autovacuum off, and plans made while the tables were empty
	 * would otherwise stay in use while they grow.
	 */
	private static void analyze(ShippedPath milepost) {
		milepost.jdbc().sql("analyze").update();
	}

	/** One Milepost round: capture, then handle; events per second over both times added up. */
	private static double milepostRound(ShippedPath milepost, int events, int threads) throws InterruptedException {
		analyze(milepost);
		long noticesBefore = notices(milepost, "automation:");
		long capture = milepost.capture(events, threads);
		long handle = milepost.handle();
		long written = notices(milepost, "automation:") - noticesBefore;
		if (written != events) {
			throw new IllegalStateException("Milepost wrote " + written + " notices for " + events + " events");
		}
		System.out.printf(Locale.ROOT, "  milepost: %d events, capture %.0f ms, handle %.0f ms%n", events,
				capture / 1e6, handle / 1e6);
		return events / ((capture + handle) / 1e9);
	}

	private static double flowableRound(ShippedPath milepost, Runnable startInstance, int events, int threads)
			throws InterruptedException {
		analyze(milepost);
		long before = notices(milepost, "flowable:");
		long elapsed = ShippedPath.parallel(threads, events, startInstance);
		long written = notices(milepost, "flowable:") - before;
		if (written != events) {
			throw new IllegalStateException("Flowable wrote " + written + " notices for " + events + " events");
		}
		return events / (elapsed / 1e9);
	}

	/** Notices of the project whose event key starts so: Milepost's runs write "automation:", Flowable's "flowable:". */
	private static long notices(ShippedPath milepost, String keyPrefix) {
		return milepost.jdbc()
			.sql("select count(*) from notification_event where project_id = :p and event_key like :prefix")
			.param("p", milepost.projectId())
			.param("prefix", keyPrefix + "%")
			.query(Long.class)
			.single();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static HikariDataSource pool(String url, String user) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setMaximumPoolSize(10);
		config.setPoolName("flowable");
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

}
