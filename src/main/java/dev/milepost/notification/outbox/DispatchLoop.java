package dev.milepost.notification.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox on every instance that runs background work: every poll interval it delivers
 * what is due. Instances share the work through leases (see {@link Deliveries}). Starts once the
 * application is up and stops, letting the round in progress finish, before it goes down.
 */
@Component
@ConditionalOnProperty(name = "milepost.background.enabled", havingValue = "true", matchIfMissing = true)
class DispatchLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

	private final Dispatcher dispatcher;

	private final NotificationSettings settings;

	private volatile ScheduledExecutorService executor;

	DispatchLoop(Dispatcher dispatcher, NotificationSettings settings) {
		this.dispatcher = dispatcher;
		this.settings = settings;
	}

	@Override
	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "notification-dispatch");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(10, settings.pollInterval().toMillis());
		executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
	}

	private void round() {
		try {
			dispatcher.drain();
		}
		catch (RuntimeException e) {
			// the database may be briefly unreachable; the next round tries again
			log.warn("Delivering notifications failed; trying again in {}", settings.pollInterval(), e);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			if (!running.awaitTermination(15, TimeUnit.SECONDS)) {
				running.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			running.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
