package dev.milepost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.milepost.schedule.StatusRecomputation;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Test fixture: milestone statuses are recomputed by a background worker after a change commits,
 * not before the response. The tests' HTTP clients ({@link Api}, the page sessions) call
 * {@link #recompute(int)} after each request that may change something, so a test reads the
 * statuses of its change as a person would once the worker is done, with no waiting. Every
 * application a test starts registers its port here (through {@code META-INF/spring.factories}).
 */
public final class StatusesAfterWrites implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Map<Integer, ApplicationContext> BY_PORT = new ConcurrentHashMap<>();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addApplicationListener(event -> {
			if (event instanceof WebServerInitializedEvent started
					&& started.getApplicationContext().getParent() == null) {
				BY_PORT.put(started.getWebServer().getPort(), context);
			}
			else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				BY_PORT.values().remove(context);
			}
		});
	}

	/**
	 * Runs all background work due on the application at the port to the end ({@link Background}):
	 * status recomputes, automation, notifications; nothing if no test started it.
	 */
	public static void drain(int port) {
		ApplicationContext application = BY_PORT.get(port);
		if (application != null) {
			Background.drain(application);
		}
	}

	/** Serves the recomputes due on the application at the port, if a test started it. */
	public static void recompute(int port) {
		ApplicationContext application = BY_PORT.get(port);
		if (application != null) {
			application.getBeanProvider(StatusRecomputation.class).ifAvailable(StatusRecomputation::runDue);
		}
	}

}
