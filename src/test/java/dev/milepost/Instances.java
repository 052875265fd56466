package dev.milepost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole Milepost instances started by a test, on a database of their own, so a test can stop one
 * and start another on the same data, or run two side by side.
 */
public final class Instances {

	private Instances() {
	}

	/** Where the instances keep their data. */
	public record Database(String url, String user, String password, String schema) {

		/**
		 * On PostgreSQL (MILEPOST_TEST_DB_URL set): a fresh schema of that database; on H2, a fresh
		 * file database in the directory given, which outlives the instances that use it.
		 */
		public static Database isolated(String name, Path directory) {
			String base = System.getenv("MILEPOST_TEST_DB_URL");
			if (onPostgres()) {
				String user = System.getenv().getOrDefault("MILEPOST_TEST_DB_USER", "postgres");
				String password = System.getenv().getOrDefault("MILEPOST_TEST_DB_PASSWORD", "");
				try (Connection connection = DriverManager.getConnection(base, user, password);
						Statement statement = connection.createStatement()) {
					statement.execute("drop schema if exists " + name + " cascade");
				}
				catch (SQLException e) {
					throw new IllegalStateException("Cannot reset schema " + name, e);
				}
				return new Database(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password,
						name);
			}
			return new Database("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", null);
		}

		/** The database of a running application (e.g. a test's shared context), for another instance to join. */
		public static Database of(org.springframework.core.env.Environment application) {
			return new Database(application.getRequiredProperty("spring.datasource.url"),
					application.getProperty("spring.datasource.username", ""),
					application.getProperty("spring.datasource.password", ""), null);
		}

		public static boolean onPostgres() {
			String base = System.getenv("MILEPOST_TEST_DB_URL");
			return base != null && base.startsWith("jdbc:postgresql:");
		}

	}

	/** Starts an instance on the database; {@code settings} are extra {@code name=value} properties. */
	public static ConfigurableApplicationContext start(Database database, boolean background, String... settings) {
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
				"--spring.main.banner-mode=off", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
				"--milepost.background.enabled=" + background, "--milepost.notifications.poll-interval=100ms",
				"--milepost.notifications.lease=2s"));
		if (database.schema() != null) {
			args.add("--spring.flyway.schemas=" + database.schema());
		}
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(MilepostApplication.class).run(args.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
