package dev.milepost.notification;

import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.milepost.Instances;
import dev.milepost.notification.outbox.Dispatcher;
import dev.milepost.notification.trigger.Reminders;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small load test (not a JUnit test): 10,000 due task reminders written by the reminder job and
 * delivered to in-app inboxes on PostgreSQL, timed. Run it against an empty database named by
 * MILEPOST_TEST_DB_URL (it works in the schema notify_load, dropped first); docs/notifications.md
 * gives the command and a measured figure.
 */
public final class ReminderLoad {

	private ReminderLoad() {
	}

	public static void main(String[] args) {
		int reminders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		if (!Instances.Database.onPostgres()) {
			throw new IllegalStateException("Set MILEPOST_TEST_DB_URL to a PostgreSQL database, e.g. "
					+ "jdbc:postgresql://127.0.0.1:5432/notify_test (and MILEPOST_TEST_DB_USER=postgres)");
		}
		Instances.Database database = Instances.Database.isolated("notify_load", null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (ConfigurableApplicationContext milepost = Instances.start(database, false, "logging.level.dev.milepost=WARN")) {
			BulkPlan.write(milepost.getBean(NamedParameterJdbcTemplate.class), "load", 10, reminders, 100, today);
			long started = System.nanoTime();
			int written = milepost.getBean(Reminders.class).run(today);
			long enqueued = System.nanoTime();
			int delivered = milepost.getBean(Dispatcher.class).drain();
			long finished = System.nanoTime();
			long inbox = milepost.getBean(JdbcClient.class)
				.sql("select count(*) from notification")
				.query(Long.class)
				.single();
			System.out.printf("reminders written to the outbox: %d in %.2f s (%.0f/s)%n", written,
					(enqueued - started) / 1e9, written / ((enqueued - started) / 1e9));
			System.out.printf("delivered to in-app inboxes:     %d in %.2f s (%.0f/s)%n", delivered,
					(finished - enqueued) / 1e9, delivered / ((finished - enqueued) / 1e9));
			System.out.printf("total: %.2f s; inbox entries: %d%n", (finished - started) / 1e9, inbox);
		}
	}

}
