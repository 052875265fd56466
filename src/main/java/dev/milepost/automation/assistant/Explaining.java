package dev.milepost.automation.assistant;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import dev.milepost.automation.definition.Blueprint;

/**
 * Reads a draft back in words through the definition's {@code Explanations.explain(Blueprint)}.
 * That class was still being written on branch auto-core when the assistant was built, so it is
 * looked up rather than linked; when it is absent the explanation is empty. Replace with a direct
 * call once both branches are merged.
 */
final class Explaining {

	private static final Method EXPLAIN = find();

	private Explaining() {
	}

	static boolean available() {
		return EXPLAIN != null;
	}

	@SuppressWarnings("unchecked")
	static List<String> explain(Blueprint blueprint) {
		if (EXPLAIN == null) {
			return List.of();
		}
		try {
			return List.copyOf((List<String>) EXPLAIN.invoke(null, blueprint));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static Method find() {
		try {
			return Class.forName("dev.milepost.automation.definition.Explanations").getMethod("explain", Blueprint.class);
		}
		catch (ClassNotFoundException | NoSuchMethodException ex) {
			return null;
		}
	}

}
