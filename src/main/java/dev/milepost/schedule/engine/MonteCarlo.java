package dev.milepost.schedule.engine;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Schedule risk by Monte Carlo simulation: each iteration draws every task's duration from its
 * three-point estimate, rounds it to whole working days, and runs the forward and backward
 * passes; the early finishes of the tracked activities and of the project are counted per
 * boundary, and each activity's iterations without float give its criticality index.
 * <p>
 * Iteration k draws from a generator seeded by (seed, k) alone, and the tallies are sums, so the
 * result is the same for the same inputs and seed whatever the number of threads. The iterations
 * are shared out in chunks among the threads, each with its own scratch arrays; the calling
 * thread is one of them. See docs/monte-carlo.md.
 */
public final class MonteCarlo {

	private static final int MAX_CHUNK = 64;

	private MonteCarlo() {
	}

	/**
	 * Runs the simulation and waits for it. Interrupting the calling thread stops every worker
	 * between chunks and throws a {@link CancellationException}, the thread still interrupted.
	 */
	public static SimulationResult simulate(Network network, Scenario base, Estimates estimates,
			SimulationOptions options) {
		check(network, base, estimates, options);
		int[] tracked = tracked(network, options);
		int[] targets = targets(base, options, tracked);
		Schedule planned = Scheduler.schedule(network, base);
		DurationSampler sampler = new DurationSampler(network, base, estimates, options.distribution());
		int iterations = options.iterations();
		int threads = Math.min(options.threads(), iterations);
		int chunk = Math.max(1, Math.min(MAX_CHUNK, iterations / (threads * 8)));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		SimulationWorker[] workers = new SimulationWorker[threads];
		for (int w = 0; w < threads; w++) {
			workers[w] = new SimulationWorker(network, base, sampler, tracked, planned, options.seed(), iterations,
					chunk, next, done, options.progress());
		}
		run(workers);
		return merge(network, base, options, tracked, targets, workers);
	}

	/** Runs the first worker on the calling thread and the others on threads of their own. */
	private static void run(SimulationWorker[] workers) {
		Thread[] threads = new Thread[workers.length - 1];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(workers[t + 1], "milepost-monte-carlo-" + (t + 1));
			threads[t].setDaemon(true);
			threads[t].start();
		}
		workers[0].run();
		boolean interrupted = Thread.currentThread().isInterrupted();
		if (interrupted) {
			cancel(workers);
		}
		for (int t = 0; t < threads.length; t++) {
			while (threads[t].isAlive()) {
				try {
					threads[t].join();
				}
				catch (InterruptedException e) {
					// stop the others, wait for them to notice, then report the interruption
					interrupted = true;
					cancel(workers);
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
			throw new CancellationException("The simulation was interrupted");
		}
		for (SimulationWorker worker : workers) {
			Throwable failure = worker.failure;
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
		}
	}

	private static void cancel(SimulationWorker[] workers) {
		for (SimulationWorker worker : workers) {
			worker.cancel();
		}
	}

	private static SimulationResult merge(Network network, Scenario base, SimulationOptions options, int[] tracked,
			int[] targets, SimulationWorker[] workers) {
		int iterations = options.iterations();
		SimulationWorker first = workers[0];
		for (int w = 1; w < workers.length; w++) {
			for (int t = 0; t < tracked.length; t++) {
				first.finishes[t].addAll(workers[w].finishes[t]);
			}
			first.projectFinish.addAll(workers[w].projectFinish);
		}
		FinishDistribution[] finishes = new FinishDistribution[tracked.length];
		for (int t = 0; t < tracked.length; t++) {
			finishes[t] = first.finishes[t].toDistribution(iterations, targets[t]);
		}
		double[] criticality = new double[network.size];
		for (int i = 0; i < network.size; i++) {
			if (DurationSampler.isDone(base, i)) {
				continue; // finished work is never critical
			}
			long count = 0;
			for (SimulationWorker worker : workers) {
				count += worker.critical[i];
			}
			criticality[i] = (double) count / iterations;
		}
		FinishDistribution project = first.projectFinish.toDistribution(iterations, FinishDistribution.NO_TARGET);
		return new SimulationResult(options, network.size, tracked, finishes, project, criticality);
	}

	private static void check(Network network, Scenario base, Estimates estimates, SimulationOptions options) {
		if (network == null || base == null || estimates == null || options == null) {
			throw new IllegalArgumentException("A simulation needs a network, a scenario, estimates and options");
		}
		if (base.size != network.size) {
			throw new IllegalArgumentException("The scenario has " + base.size + " activities but the network has "
					+ network.size + "; make the scenario with Scenario.of(network)");
		}
		if (estimates.size() != network.size) {
			throw new IllegalArgumentException("The estimates cover " + estimates.size()
					+ " activities but the network has " + network.size + "; make them with Estimates.builder(network)");
		}
		for (int activity : options.tracked()) {
			checkKnown(network, activity, "tracked");
		}
		for (int activity : options.targets().keySet()) {
			checkKnown(network, activity, "given a target");
		}
	}

	private static void checkKnown(Network network, int activity, String role) {
		if (activity >= network.size) {
			throw new IllegalArgumentException("Activity " + activity + " is " + role + " but the network has only "
					+ network.size + " activities");
		}
	}

	/** The options' activities, or every milestone; then any other activity given a target. */
	private static int[] tracked(Network network, SimulationOptions options) {
		boolean[] seen = new boolean[network.size];
		int[] list = new int[network.size];
		int count = 0;
		if (options.tracksMilestones()) {
			for (int i = 0; i < network.size; i++) {
				if (network.milestone[i]) {
					seen[i] = true;
					list[count++] = i;
				}
			}
		}
		else {
			for (int activity : options.tracked()) {
				seen[activity] = true;
				list[count++] = activity;
			}
		}
		int[] targeted = options.targets().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		for (int activity : targeted) {
			if (!seen[activity]) {
				list[count++] = activity;
			}
		}
		return Arrays.copyOf(list, count);
	}

	/** Per tracked activity: the options' target, else the scenario's deadline, else none. */
	private static int[] targets(Scenario base, SimulationOptions options, int[] tracked) {
		int[] targets = new int[tracked.length];
		for (int t = 0; t < tracked.length; t++) {
			int activity = tracked[t];
			int deadline = base.deadline == null ? Integer.MAX_VALUE : base.deadline[activity];
			targets[t] = options.target(activity)
				.orElse(deadline == Integer.MAX_VALUE ? FinishDistribution.NO_TARGET : deadline);
		}
		return targets;
	}

}
