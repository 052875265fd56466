package dev.milepost.schedule.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.milepost.schedule.MilestoneStatusesRecomputed;
import dev.milepost.schedule.StatusRecomputation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the stored recompute requests ({@link StatusRecomputeRequests}) on a thread of its own:
 * woken after each commit that stored one, every {@code poll-interval} (requests of other or
 * crashed instances, retries) and at start (what a crashed instance left). One transaction per
 * recompute claims the project's requests, recomputes its statuses, deletes the requests and
 * publishes {@link MilestoneStatusesRecomputed}; if it fails, it rolls back and the requests are
 * counted and tried again later, doubling the wait. After a drain that recomputed anything the
 * thread waits {@code min-interval} before the next: under a steady stream of edits to a project its
 * statuses are recomputed about once per interval for all the edits of that interval, not once per
 * edit back to back (which took a core of a 2-core machine under load; BENCHMARKS.md).
 *
 * <p>With {@code milepost.background.enabled=false} no thread is started; {@link #runDue()} (the
 * tests' drain) still serves what is due, on the caller's thread, once the recompute in hand on
 * this instance's thread is done (the thread shares a read lock, {@code runDue} takes the write lock).
 */
@Component
class StatusRecomputeWorker implements StatusRecomputation, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusRecomputeWorker.class);

	/** How many times {@link #runDue()} waits for requests other workers hold before it returns anyway. */
	private static final int MAX_WAITS = 100;

	private final StatusRecomputeRequests requests;

	private final MilestoneStatuses statuses;

	private final Baselines baselines;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean background;

	private final Duration pollInterval;

	private final Duration retryInitial;

	private final Duration retryMax;

	private final long minIntervalNanos;

	/** When the thread may drain again ({@link System#nanoTime()}), after a drain that recomputed something. */
	private volatile long nextDrain = System.nanoTime();

	private final AtomicBoolean queued = new AtomicBoolean();

	private final ReadWriteLock draining = new ReentrantReadWriteLock();

	private volatile ScheduledExecutorService thread;

	private final Timer timer;

	StatusRecomputeWorker(StatusRecomputeRequests requests, MilestoneStatuses statuses, Baselines baselines,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			MeterRegistry meters,
			@Value("${milepost.background.enabled:true}") boolean background,
			@Value("${milepost.schedule.recompute.poll-interval:5s}") Duration pollInterval,
			@Value("${milepost.schedule.recompute.retry-initial:30s}") Duration retryInitial,
			@Value("${milepost.schedule.recompute.retry-max:30m}") Duration retryMax,
			@Value("${milepost.schedule.recompute.min-interval:1s}") Duration minInterval) {
		if (!positive(retryInitial) || retryMax.compareTo(retryInitial) < 0 || !positive(pollInterval)
				|| minInterval.isNegative()) {
			throw new IllegalArgumentException("milepost.schedule.recompute: poll-interval and retry-initial must be "
					+ "positive, retry-max at least retry-initial and min-interval 0 or more");
		}
		this.minIntervalNanos = minInterval.toNanos();
		this.requests = requests;
		this.statuses = statuses;
		this.baselines = baselines;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.background = background;
		this.pollInterval = pollInterval;
		this.retryInitial = retryInitial;
		this.retryMax = retryMax;
		this.timer = Timer.builder("milepost.status.recompute")
			.description("One project's milestone statuses recomputed, in the worker's transaction")
			.register(meters);
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	@Override
	public Optional<Staleness> staleness(String projectKey) {
		return requests.staleness(projectKey);
	}

	/**
	 * Asks the worker thread to serve what is due, at once or, within {@code min-interval} of its last
	 * recompute, when the interval is over (wakes meanwhile are the same wake); never waits, never
	 * touches the database.
	 */
	void wake() {
		ScheduledExecutorService worker = thread;
		if (worker != null && queued.compareAndSet(false, true)) {
			try {
				worker.schedule(() -> {
					queued.set(false);
					drain();
				}, Math.max(0, nextDrain - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException stopping) {
				queued.set(false);
			}
		}
	}

	private void drain() {
		draining.readLock().lock();
		try {
			if (serveDue() > 0) {
				nextDrain = System.nanoTime() + minIntervalNanos;
			}
		}
		catch (RuntimeException e) {
			log.warn("Serving milestone status recomputes failed; the next poll tries again", e);
		}
		finally {
			draining.readLock().unlock();
		}
	}

	/**
	 * Serves what is due on the caller's thread, and waits for what is due but held by a worker of
	 * another instance (or another application on the same database, in tests), so that on return
	 * every change committed before the call has its statuses recomputed, or its recompute failed.
	 */
	@Override
	public int runDue() {
		draining.writeLock().lock();
		try {
			int done = 0;
			for (int round = 0; round < MAX_WAITS; round++) {
				done += serveDue();
				if (!requests.anyDue()) {
					return done;
				}
				try {
					transactions.executeWithoutResult(status -> requests.awaitHeld());
				}
				catch (RuntimeException lockTimeout) {
					// H2 gives up waiting for a lock after a while; look again
					log.debug("Waited for a recompute another worker holds: {}", lockTimeout.toString());
				}
			}
			return done;
		}
		finally {
			draining.writeLock().unlock();
		}
	}

	/** Serves every due request; returns how many recomputes (or failed tries) that took. */
	private int serveDue() {
		int done = 0;
		while (requests.anyDue() && serveOne()) {
			done++;
		}
		return done;
	}

	/** One recompute in one transaction; false when there was nothing to claim. */
	private boolean serveOne() {
		StatusRecomputeRequests.Claim[] claimed = new StatusRecomputeRequests.Claim[1];
		try {
			long started = System.nanoTime();
			boolean served = Boolean.TRUE.equals(transactions.execute(status -> {
				Optional<StatusRecomputeRequests.Claim> claim = requests.claimNext();
				if (claim.isEmpty()) {
					return false;
				}
				claimed[0] = claim.get();
				recompute(claim.get());
				requests.served(claim.get());
				events.publishEvent(new MilestoneStatusesRecomputed(claim.get().projectKey(), claim.get().changed(), false));
				return true;
			}));
			if (served) {
				// committed: operators (and bench/crash/run.sh) count one line per recompute
				log.info("Recomputed the milestone statuses of {} for {} request(s) in {} ms", claimed[0].projectKey(),
						claimed[0].ids().size(), (System.nanoTime() - started) / 1_000_000);
			}
			return served;
		}
		catch (RuntimeException e) {
			StatusRecomputeRequests.Claim claim = claimed[0];
			if (claim == null) {
				throw e;
			}
			Duration wait = StatusRecomputeRequests.backoff(claim.attempts() + 1, retryInitial, retryMax);
			transactions.executeWithoutResult(status -> {
				requests.failed(claim, clock.instant().plus(wait), e.toString());
				events.publishEvent(new MilestoneStatusesRecomputed(claim.projectKey(), claim.changed(), true));
			});
			log.warn("Could not recompute the milestone statuses of {} (try {}); trying again in {}", claim.projectKey(),
					claim.attempts() + 1, wait, e);
			return true;
		}
	}

	private void recompute(StatusRecomputeRequests.Claim claim) {
		if (claim.projectDeleted()) {
			statuses.forgetDeletedProjects();
			baselines.forgetDeletedProjects();
		}
		timer.record(() -> statuses.recompute(claim.projectKey()));
	}

	/**
	 * Waits until this instance's worker thread has done all it was asked before the call: the
	 * catch-up it makes when it starts, each wake, and the drain each wake queued. So a test starts
	 * the thread, waits for it here and asserts what it did, with no polling and no pause. Returns at
	 * once when no thread runs ({@code milepost.background.enabled=false}, or stopped).
	 */
	void awaitThread() {
		ScheduledExecutorService worker = thread;
		if (worker == null) {
			return;
		}
		try {
			// the thread runs its tasks in the order they fall due: the first no-op runs after every wake
			// due before it, and each of those queued its drain before the no-op ran; the second no-op
			// runs after those drains
			worker.submit(() -> {
			}).get();
			worker.submit(() -> {
			}).get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
	}

	@Override
	public synchronized void start() {
		if (background && thread == null) {
			thread = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread worker = new Thread(task, "status-recompute");
				worker.setDaemon(true);
				return worker;
			});
			// at once: requests a crashed or stopped instance left; then now and then: other instances', retries
			thread.scheduleWithFixedDelay(this::wake, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService worker = thread;
		if (worker != null) {
			thread = null;
			worker.shutdown();
			try {
				worker.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

}
