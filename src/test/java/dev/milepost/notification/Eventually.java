package dev.milepost.notification;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for background delivery: polls a condition until it holds or the time is up. */
final class Eventually {

	private Eventually() {
	}

	static void until(String what, BooleanSupplier condition) {
		until(what, Duration.ofSeconds(20), condition);
	}

	static void until(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + timeout + " for: " + what);
			}
			pause(50);
		}
	}

	static <T> T value(String what, Supplier<T> supplier, java.util.function.Predicate<T> accepted) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		T value = supplier.get();
		while (!accepted.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited 20s for: " + what + "; last value " + value);
			}
			pause(50);
			value = supplier.get();
		}
		return value;
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
