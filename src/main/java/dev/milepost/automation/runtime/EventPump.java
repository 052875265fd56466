package dev.milepost.automation.runtime;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.milepost.common.DueWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands pending events to the rules: woken after each commit that captured one, on threads of
 * its own (so the change's request never waits for rules), and every little while by the
 * {@code automation-pending-events} background task.
 *
 * <p>A worker takes a batch of ready events in one transaction: it locks their rows (skipping
 * rows another worker or instance holds), runs their rules, marks them handled and commits, so
 * an event's runs, their effects and its being handled commit together or not at all. Should a
 * batch fail unexpectedly it is rolled back and its events are taken one at a time, each in its
 * own transaction; an event that fails alone is tried again later and, after
 * {@link PendingEvents#MAX_ATTEMPTS} tries, given up as failed, with an incident that tells the
 * project's manager.
 *
 * <p>{@link #runDue()} handles every ready event on the caller's thread once the batches the
 * workers have in hand are done (workers share a read lock per drain, {@code runDue} takes the
 * write lock), so what it returns to has nothing ready left behind.
 */
@Component
class EventPump implements SmartLifecycle, DueWork {

	private static final Logger log = LoggerFactory.getLogger(EventPump.class);

	/** Events taken per transaction. */
	static final int BATCH = 200;

	private final PendingEvents pending;

	private final ObjectProvider<RuleRunner> runner;

	private final TransactionTemplate transactions;

	private final int workers;

	private final String instance;

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicBoolean again = new AtomicBoolean();

	private volatile ExecutorService executor;

	private final ReadWriteLock draining = new ReentrantReadWriteLock();

	EventPump(PendingEvents pending, ObjectProvider<RuleRunner> runner, PlatformTransactionManager transactionManager,
			@Value("${milepost.automation.workers:2}") int workers) {
		if (workers < 1) {
			throw new IllegalArgumentException("milepost.automation.workers must be at least 1, not " + workers);
		}
		this.pending = pending;
		this.runner = runner;
		this.transactions = new TransactionTemplate(transactionManager);
		this.workers = workers;
		this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Asks for a drain soon: puts every idle worker to work (one that finds nothing ready stops at
	 * once); a worker that finishes looks again if a wake arrived meanwhile, so no wake is lost.
	 */
	void wake() {
		again.set(true);
		ExecutorService pool = executor;
		if (pool == null) {
			return;
		}
		int now = running.get();
		while (now < workers) {
			if (running.compareAndSet(now, now + 1)) {
				try {
					pool.execute(this::work);
				}
				catch (java.util.concurrent.RejectedExecutionException stopping) {
					running.decrementAndGet();
					return;
				}
			}
			now = running.get();
		}
	}

	private void work() {
		try {
			do {
				again.set(false);
				drain();
			}
			while (again.get() && executor != null);
		}
		catch (RuntimeException e) {
			log.warn("Handling automation events failed; the background sweep will try again", e);
		}
		finally {
			running.decrementAndGet();
		}
		if (again.get()) {
			wake();
		}
	}

	/** Handles every event that is ready; returns how many this call handled or gave up. */
	int drain() {
		draining.readLock().lock();
		try {
			return drainReady();
		}
		finally {
			draining.readLock().unlock();
		}
	}

	/** Waits for the batches in hand, then handles every ready event; see {@link DueWork}. */
	@Override
	public int runDue() {
		draining.writeLock().lock();
		try {
			return drainReady();
		}
		finally {
			draining.writeLock().unlock();
		}
	}

	private int drainReady() {
		int handled = 0;
		while (true) {
			int batch = batch();
			if (batch == 0) {
				return handled;
			}
			handled += batch;
		}
	}

	/** One batch, in one transaction; one event at a time if the batch fails. Returns the events taken. */
	private int batch() {
		List<PendingEvents.Pending> taken = new ArrayList<>();
		try {
			return transactions.execute(status -> {
				taken.addAll(pending.claim(BATCH));
				runner.getObject().handleAll(taken, true);
				pending.handled(taken.stream().map(PendingEvents.Pending::id).toList(), instance);
				return taken.size();
			});
		}
		catch (RuntimeException batchFailed) {
			if (taken.isEmpty()) {
				throw batchFailed;
			}
			log.info("A batch of {} automation events failed ({}); taking them one at a time", taken.size(),
					batchFailed.toString());
			for (PendingEvents.Pending event : taken) {
				alone(event.id());
			}
			return taken.size();
		}
	}

	private void alone(UUID id) {
		PendingEvents.Pending[] claimed = new PendingEvents.Pending[1];
		try {
			transactions.executeWithoutResult(status -> pending.claim(id).ifPresent(event -> {
				claimed[0] = event;
				runner.getObject().handleAll(List.of(event), false);
				pending.handled(List.of(id), instance);
			}));
		}
		catch (RuntimeException e) {
			if (claimed[0] == null) {
				throw e;
			}
			boolean givenUp = transactions.execute(status -> {
				boolean last = pending.failed(claimed[0], instance, e.toString());
				if (last) {
					runner.getObject().gaveUp(claimed[0], e.toString());
				}
				return last;
			});
			log.warn("Rules for event {} ({}) failed on try {}{}", id, claimed[0].occurrence().trigger(),
					claimed[0].attempts() + 1, givenUp ? "; given up" : "; trying again later", e);
		}
	}

	@Override
	public synchronized void start() {
		if (executor == null) {
			executor = Executors.newFixedThreadPool(workers, task -> {
				Thread thread = new Thread(task, "automation-pump");
				thread.setDaemon(true);
				return thread;
			});
			wake();
		}
	}

	@Override
	public synchronized void stop() {
		ExecutorService pool = executor;
		if (pool != null) {
			executor = null;
			pool.shutdown();
			try {
				pool.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
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
