package dev.milepost;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Something tests need from the machine that the build cannot bring itself (a browser, the real
 * project files). Where it is missing the tests are skipped, each with the message, which is also
 * printed once so the skip is seen in the build's output; in CI ({@code CI=true}), which must run
 * every test, they fail instead.
 */
public final class Prerequisite {

	private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

	private Prerequisite() {
	}

	/** Returns if {@code present}; otherwise skips the test (fails it in CI) with the message. */
	public static void require(boolean present, String missing) {
		String ci = System.getenv("CI");
		if (!present && !inCi(ci) && ANNOUNCED.add(missing)) {
			System.err.println("[WARNING] Tests skipped: " + missing);
		}
		require(present, missing, ci);
	}

	/** The decision, with the value of {@code CI} given. */
	public static void require(boolean present, String missing, String ci) {
		if (present) {
			return;
		}
		if (inCi(ci)) {
			throw new AssertionFailedError(missing + " CI (CI=true) must run these tests, so they fail here.");
		}
		Assumptions.abort("Skipped: " + missing);
	}

	private static boolean inCi(String ci) {
		return ci != null && ci.strip().equalsIgnoreCase("true");
	}

}
