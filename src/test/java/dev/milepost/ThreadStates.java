package dev.milepost;

import java.time.Duration;

/** Test helper: waits for another thread to block (on a lock, a latch, I/O) or to end. */
public final class ThreadStates {

	private ThreadStates() {
	}

	/**
	 * Returns once the thread is waiting or has ended. The minute is a bound against a hang only:
	 * a slow machine makes this wait longer, never fail.
	 */
	public static void awaitWaitingOrDone(Thread thread) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			switch (thread.getState()) {
				case WAITING, TIMED_WAITING, BLOCKED, TERMINATED -> {
					return;
				}
				default -> {
					if (System.nanoTime() > deadline) {
						throw new AssertionError(thread.getName() + " neither waits nor ends: " + thread.getState());
					}
					Thread.onSpinWait();
				}
			}
		}
	}

}
