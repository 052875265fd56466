package dev.milepost.plan.demo;

import dev.milepost.plan.PlanQueries;

/**
 * The demo portfolio in the shared test database, loaded once by whichever test class needs it
 * first (its projects have fixed keys, so it can go in only once).
 */
public final class DemoLoaded {

	private DemoLoaded() {
	}

	/** Loads the portfolio unless its first project is already there. */
	public static synchronized void ensure(DemoPortfolio portfolio, PlanQueries plans) {
		if (plans.projectId("ERP").isEmpty()) {
			portfolio.loadAll();
		}
	}

}
