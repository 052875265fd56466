package dev.milepost;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a fuzz input on a thread with a small stack (512 KB), so unbounded recursion overflows
 * quickly and is reported instead of surviving by luck on a large main-thread stack. It waits for
 * the answer however long it takes: the code under test bounds its own work in steps (input caps,
 * event and iteration counters, step budgets), and no limit here depends on the machine's speed.
 */
public final class SmallStack {

	private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(null, task, "fuzz-small-stack", 512 * 1024);
		thread.setDaemon(true);
		return thread;
	});

	private SmallStack() {
	}

	/** The work's answer; an exception or a stack overflow fails the test with its cause. */
	public static <T> T run(Callable<T> work) {
		try {
			return WORKER.submit(work).get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof StackOverflowError) {
				throw new AssertionError("overflowed a 512 KB stack: unbounded recursion", cause);
			}
			throw new AssertionError("threw instead of answering with problems: " + cause, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
