package dev.milepost.automation.runtime;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands pending events to the rules: woken after each commit that captured one, on its own
 * thread (so the change's request never waits for rules), and every little while by the
 * {@code automation-pending-events} background task, which also picks up events another instance
 * claimed and did not finish (its claim runs out after {@link #LEASE}).
 */
@Component
class EventPump implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventPump.class);

	static final Duration LEASE = Duration.ofMinutes(2);

	private final PendingEvents pending;

	private final ObjectProvider<RuleRunner> runner;

	private final String instance;

	private final AtomicBoolean wanted = new AtomicBoolean();

	private volatile ExecutorService executor;

	EventPump(PendingEvents pending, ObjectProvider<RuleRunner> runner) {
		this.pending = pending;
		this.runner = runner;
		this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Asks for a drain soon, on the pump's thread; wakes arriving meanwhile fold into one. */
	void wake() {
		ExecutorService running = executor;
		if (running == null) {
			return;
		}
		if (wanted.compareAndSet(false, true)) {
			try {
				running.execute(() -> {
					wanted.set(false);
					drain();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException stopping) {
				wanted.set(false);
			}
		}
	}

	/** Handles every event that is ready; returns how many this instance handled. */
	int drain() {
		int handled = 0;
		while (true) {
			var ready = pending.ready(50);
			if (ready.isEmpty()) {
				return handled;
			}
			int claimed = 0;
			for (UUID id : ready) {
				var event = pending.claim(id, instance, LEASE);
				if (event.isEmpty()) {
					continue;
				}
				claimed++;
				try {
					runner.getObject().handle(event.get());
					pending.handled(id, null);
				}
				catch (RuntimeException e) {
					log.warn("Rules for event {} ({}) failed", id, event.get().occurrence().trigger(), e);
					pending.handled(id, e.toString());
				}
				handled++;
			}
			if (claimed == 0) {
				return handled;
			}
		}
	}

	@Override
	public synchronized void start() {
		if (executor == null) {
			executor = Executors.newSingleThreadExecutor(task -> {
				Thread thread = new Thread(task, "automation-pump");
				thread.setDaemon(true);
				return thread;
			});
			wake();
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			return "instance";
		}
	}

}
