package dev.milepost.schedule.engine;

import java.util.random.RandomGenerator;

/**
 * A SplitMix64 generator that can be re-seeded in place, so a simulation worker keeps one for
 * all its iterations and seeds it per iteration without allocating. Normal variates come from the
 * JDK's {@link RandomGenerator#nextGaussian()} (a ziggurat) over this generator's longs.
 */
final class SplitMix64 implements RandomGenerator {

	static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private long state;

	SplitMix64(long seed) {
		this.state = seed;
	}

	/**
	 * The seed of iteration {@code k} of a simulation seeded with {@code seed}: the k-th output of
	 * SplitMix64 started at {@code seed}. It depends on nothing else, so which thread runs the
	 * iteration, and when, cannot change its draws.
	 */
	static long streamSeed(long seed, long k) {
		return mix(seed + (k + 1) * GOLDEN_GAMMA);
	}

	void reseed(long seed) {
		state = seed;
	}

	@Override
	public long nextLong() {
		return mix(state += GOLDEN_GAMMA);
	}

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
