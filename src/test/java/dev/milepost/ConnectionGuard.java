package dev.milepost;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test guard for the rule "a thread never holds two database connections": wraps every
 * application's {@link DataSource} (registered for every application a test starts, through
 * {@code META-INF/spring.factories}) and records a {@link Violation} whenever a thread asks for a
 * connection while it still holds one, with where it took each. A thread that holds one and waits
 * for another deadlocks the pool once enough threads do the same; with the tests' pool of two
 * connections, two such threads are enough. {@link Check} fails the test during which a violation
 * was recorded.
 */
public final class ConnectionGuard {

	/** One thread asking for a second connection: where it took the one it held, and where it asked again. */
	public record Violation(String thread, Throwable held, Throwable asked) {

		String describe() {
			StringBuilder text = new StringBuilder("thread '" + thread + "' asked for a second database connection.\n");
			text.append("It asked here:\n");
			frames(text, asked);
			text.append("while holding the one it took here:\n");
			frames(text, held);
			return text.toString();
		}

		private static void frames(StringBuilder text, Throwable where) {
			int shown = 0;
			for (StackTraceElement frame : where.getStackTrace()) {
				String name = frame.getClassName();
				// everything but the guard itself and the plumbing of reflection, proxies and test runners
				if (name.startsWith(ConnectionGuard.class.getName()) || name.startsWith("jdk.") || name.startsWith("java.")
						|| name.startsWith("org.junit.") || name.startsWith("org.apache.maven.")
						|| name.startsWith("com.zaxxer.") || name.contains("$$")) {
					continue;
				}
				text.append("\tat ").append(frame).append('\n');
				if (++shown == 60) {
					text.append("\t...\n");
					break;
				}
			}
		}

	}

	private static final ConcurrentLinkedQueue<Violation> VIOLATIONS = new ConcurrentLinkedQueue<>();

	/** The connections each thread holds now, each with where it took it. */
	private static final ThreadLocal<Set<Held>> HELD = ThreadLocal.withInitial(ConcurrentHashMap::newKeySet);

	private ConnectionGuard() {
	}

	/** The violations recorded since the last call, which takes them. */
	public static List<Violation> take() {
		List<Violation> taken = new ArrayList<>();
		Violation each;
		while ((each = VIOLATIONS.poll()) != null) {
			taken.add(each);
		}
		return taken;
	}

	/** A data source that records every second connection a thread asks for. */
	public static DataSource guard(DataSource dataSource) {
		return dataSource instanceof Guarded ? dataSource : new Guarded(dataSource);
	}

	private record Held(Set<Held> of, Throwable where) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

	/**
	 * Whether the connection is asked for while an application context is being built: Spring Data
	 * JDBC resolves its dialect inside a connection callback then, on the one starting thread,
	 * before the application serves anything. Not what the rule is about.
	 */
	private static boolean starting(Throwable where) {
		for (StackTraceElement frame : where.getStackTrace()) {
			if (frame.getClassName().equals("org.springframework.context.support.AbstractApplicationContext")
					&& frame.getMethodName().equals("refresh")) {
				return true;
			}
		}
		return false;
	}

	static final class Guarded extends DelegatingDataSource {

		Guarded(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return track(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return track(super.getConnection(username, password));
		}

		private static Connection track(Connection connection) {
			Set<Held> mine = HELD.get();
			Throwable where = new Throwable("connection taken");
			if (!mine.isEmpty() && !starting(where)) {
				VIOLATIONS.add(new Violation(Thread.currentThread().getName(), mine.iterator().next().where(), where));
			}
			Held held = new Held(mine, where);
			mine.add(held);
			InvocationHandler handler = (proxy, method, args) -> {
				switch (method.getName()) {
					case "equals" -> {
						return proxy == args[0];
					}
					case "hashCode" -> {
						return System.identityHashCode(proxy);
					}
					case "close" -> held.of().remove(held);
					default -> {
					}
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(ConnectionGuard.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

	}

	/** Wraps the data source of every application started in the tests' JVM (see {@code META-INF/spring.factories}). */
	public static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource ? guard(dataSource) : bean;
				}

			});
		}

	}

	/**
	 * Fails the test during which a thread asked for a second connection (registered for every
	 * test through {@code junit-platform.properties}). Background threads' violations between tests
	 * fail the next test; none is lost.
	 */
	public static final class Check implements org.junit.jupiter.api.extension.AfterEachCallback {

		@Override
		public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
			List<Violation> found = take();
			if (!found.isEmpty()) {
				StringBuilder text = new StringBuilder(found.size() + " time(s) a thread asked for a second database "
						+ "connection while holding one (a request must never hold two; see ConnectionGuard):\n");
				found.stream().limit(5).forEach(violation -> text.append(violation.describe()).append('\n'));
				throw new AssertionError(text.toString());
			}
		}

	}

}
