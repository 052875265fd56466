package dev.milepost.schedule.engine;

import java.util.Arrays;

/**
 * What a Monte Carlo simulation found: the distribution of the project finish and of each
 * tracked activity's finish (P50 / P80 / P95, the chance of meeting its target), and for every
 * activity its criticality index.
 */
public final class SimulationResult {

	private final SimulationOptions options;

	private final int[] tracked;

	// position of each activity in tracked, -1 when not tracked
	private final int[] position;

	private final FinishDistribution[] finishes;

	private final FinishDistribution project;

	private final double[] criticality;

	SimulationResult(SimulationOptions options, int size, int[] tracked, FinishDistribution[] finishes,
			FinishDistribution project, double[] criticality) {
		this.options = options;
		this.tracked = tracked;
		this.finishes = finishes;
		this.project = project;
		this.criticality = criticality;
		this.position = new int[size];
		Arrays.fill(position, -1);
		for (int t = 0; t < tracked.length; t++) {
			position[tracked[t]] = t;
		}
	}

	public SimulationOptions options() {
		return options;
	}

	public int iterations() {
		return options.iterations();
	}

	/** The boundary at which the last activity finished, across iterations. */
	public FinishDistribution projectFinish() {
		return project;
	}

	/** The tracked activities, milestones first in index order unless the options named others. */
	public int[] tracked() {
		return tracked.clone();
	}

	public boolean isTracked(int activity) {
		return activity >= 0 && activity < position.length && position[activity] >= 0;
	}

	/** The distribution of the activity's early finish; only tracked activities have one. */
	public FinishDistribution finish(int activity) {
		if (!isTracked(activity)) {
			throw new IllegalArgumentException("Activity " + activity
					+ " was not tracked; name it in SimulationOptions.Builder.track(...) or give it a target");
		}
		return finishes[position[activity]];
	}

	/**
	 * The share of iterations in which the activity had no total float (it was critical, as
	 * {@link Schedule#isCritical(int)} says); 0 for finished work.
	 */
	public double criticality(int activity) {
		return criticality[activity];
	}

	/** Every activity's criticality index, by activity. */
	public double[] criticalities() {
		return criticality.clone();
	}

}
