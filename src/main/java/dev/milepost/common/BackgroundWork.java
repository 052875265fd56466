package dev.milepost.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the background work modules contribute as db-scheduler task beans: persistent in the
 * database and cluster-safe (an execution is picked by exactly one instance, even with several
 * on one PostgreSQL). Starts once the application is up and stops first on shutdown.
 */
@Component
@ConditionalOnProperty(name = "milepost.background.enabled", havingValue = "true", matchIfMissing = true)
class BackgroundWork implements SmartLifecycle {

	private final DataSource dataSource;

	private final ObjectProvider<Task<?>> tasks;

	private final Duration pollingInterval;

	private final int threads;

	private volatile Scheduler scheduler;

	BackgroundWork(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			@Value("${milepost.background.polling-interval:10s}") Duration pollingInterval,
			@Value("${milepost.background.threads:2}") int threads) {
		this.dataSource = dataSource;
		this.tasks = tasks;
		this.pollingInterval = pollingInterval;
		this.threads = threads;
	}

	/** A scheduler cannot start again once stopped, so each start builds a new one. */
	private Scheduler build() {
		List<Task<?>> known = new ArrayList<>();
		List<RecurringTask<?>> recurring = new ArrayList<>();
		// recurring tasks are registered by startTasks; the rest must be known to run when scheduled
		tasks.orderedStream().forEach(task -> {
			if (task instanceof RecurringTask<?> each) {
				recurring.add(each);
			}
			else {
				known.add(task);
			}
		});
		return Scheduler.create(dataSource, known)
			.startTasks(recurring)
			.pollingInterval(pollingInterval)
			.threads(threads)
			.alwaysPersistTimestampInUTC()
			.shutdownMaxWait(Duration.ofSeconds(10))
			.build();
	}

	@Override
	public synchronized void start() {
		if (scheduler == null) {
			scheduler = build();
			scheduler.start();
		}
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.stop();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	@Override
	public int getPhase() {
		// after the web server is up, before it goes down
		return Integer.MAX_VALUE - 1000;
	}

}
