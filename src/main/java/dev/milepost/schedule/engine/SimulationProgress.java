package dev.milepost.schedule.engine;

/**
 * Hears how far a simulation has come: after each chunk of iterations, how many are done of how
 * many. Called from every simulation thread, so it must be thread-safe and quick; the counts it
 * is given only grow, though two threads may report out of order.
 */
@FunctionalInterface
public interface SimulationProgress {

	/** Hears nothing. */
	SimulationProgress NONE = (done, total) -> {
	};

	void completed(int done, int total);

}
