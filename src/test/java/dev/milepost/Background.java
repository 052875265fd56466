package dev.milepost;

import java.util.List;

import dev.milepost.common.DueWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Test fixture: runs the application's background work to the end now, on the test's thread
 * (every {@link DueWork}: the automation pump, the notification dispatcher), until a whole pass
 * finds nothing due, since rules send notices and notices may start rules. After {@link #drain()}
 * a test can assert what did and what did not happen without sleeping: something that did not
 * happen by then will not happen later either, unless it is due later (a retry after a pause).
 */
@Component
public class Background {

	/** Passes before giving up: work that keeps making new due work is a bug to report, not to wait out. */
	private static final int MAX_PASSES = 100;

	private final ObjectProvider<DueWork> work;

	Background(ObjectProvider<DueWork> work) {
		this.work = work;
	}

	/** Runs every due work until nothing is due; returns how many items were handled. */
	public int drain() {
		return drain(work.orderedStream().toList());
	}

	/** The same for an application started by a test ({@link Instances}). */
	public static int drain(ApplicationContext application) {
		return drain(application.getBeanProvider(DueWork.class).orderedStream().toList());
	}

	private static int drain(List<DueWork> all) {
		int total = 0;
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			int handled = 0;
			for (DueWork each : all) {
				handled += each.runDue();
			}
			if (handled == 0) {
				return total;
			}
			total += handled;
		}
		throw new AssertionError("background work was still due after " + MAX_PASSES + " passes: a loop?");
	}

}
