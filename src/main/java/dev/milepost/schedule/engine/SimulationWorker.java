package dev.milepost.schedule.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread's share of a simulation: it takes chunks of iterations from a shared counter and
 * runs each on its own scratch arrays, tallying into its own histograms and counts. Nothing is
 * allocated per iteration, and nothing written is shared but the counter, so the hot loop takes
 * no lock. A worker stops between chunks when cancelled or when its thread is interrupted.
 */
final class SimulationWorker implements Runnable {

	private final Network network;

	private final DurationSampler sampler;

	private final int[] tracked;

	private final long seed;

	private final int iterations;

	private final int chunk;

	private final AtomicInteger next;

	private final AtomicInteger done;

	private final SimulationProgress progress;

	private final Scenario scenario;

	private final SplitMix64 random = new SplitMix64(0);

	private final int[] durations;

	private final int[] es;

	private final int[] ef;

	private final int[] ls;

	private final int[] lf;

	private final int[] freeFloat;

	final Histogram[] finishes;

	final Histogram projectFinish;

	// iterations in which each activity had no float
	final int[] critical;

	private volatile boolean cancelled;

	volatile Throwable failure;

	SimulationWorker(Network network, Scenario base, DurationSampler sampler, int[] tracked, Schedule planned,
			long seed, int iterations, int chunk, AtomicInteger next, AtomicInteger done,
			SimulationProgress progress) {
		this.network = network;
		this.sampler = sampler;
		this.tracked = tracked;
		this.seed = seed;
		this.iterations = iterations;
		this.chunk = chunk;
		this.next = next;
		this.done = done;
		this.progress = progress;
		int size = network.size;
		this.scenario = base.copy();
		scenario.remaining = sampler.remainingTemplate();
		this.durations = sampler.durationTemplate();
		this.es = new int[size];
		this.ef = new int[size];
		this.ls = new int[size];
		this.lf = new int[size];
		this.freeFloat = new int[size];
		this.critical = new int[size];
		this.finishes = new Histogram[tracked.length];
		for (int t = 0; t < tracked.length; t++) {
			finishes[t] = new Histogram(planned.earlyFinish(tracked[t]));
		}
		this.projectFinish = new Histogram(planned.finish());
	}

	@Override
	public void run() {
		try {
			for (int start = next.getAndAdd(chunk); start < iterations && !stopped(); start = next.getAndAdd(chunk)) {
				int end = Math.min(iterations, start + chunk);
				for (int k = start; k < end; k++) {
					iterate(k);
				}
				// once per chunk, never per iteration: the hot loop stays free of shared writes
				progress.completed(done.addAndGet(end - start), iterations);
			}
		}
		catch (RuntimeException | Error e) {
			failure = e;
		}
	}

	private boolean stopped() {
		return cancelled || Thread.currentThread().isInterrupted();
	}

	void cancel() {
		cancelled = true;
	}

	private void iterate(int k) {
		random.reseed(SplitMix64.streamSeed(seed, k));
		sampler.draw(random, durations, scenario.remaining);
		int finish = Scheduler.forward(network, scenario, durations, es, ef);
		Scheduler.backward(network, scenario, durations, es, ef, ls, lf, freeFloat, finish);
		for (int t = 0; t < tracked.length; t++) {
			finishes[t].add(ef[tracked[t]]);
		}
		projectFinish.add(finish);
		int[] critical = this.critical;
		for (int i = 0; i < critical.length; i++) {
			critical[i] += lf[i] - ef[i] <= 0 ? 1 : 0;
		}
	}

}
