package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milepost.Background;
import dev.milepost.Instances;
import dev.milepost.notification.trigger.Reminders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database, 1,000 reminders due: both run the reminder job at the same
 * moment and both deliver, and every reminder reaches its inbox exactly once. On PostgreSQL
 * (CI's second pass) the instances share a schema of the test database; on H2 a file database.
 */
class TwoInstancesTests {

	@TempDir
	Path directory;

	@Test
	void twoInstancesDeliverAThousandDueRemindersEachExactlyOnce() throws Exception {
		Instances.Database database = Instances.Database.isolated("notify_two", directory);
		String[] settings = { "milepost.notifications.batch-size=50" };
		try (ConfigurableApplicationContext one = Instances.start(database, true, settings);
				ConfigurableApplicationContext two = Instances.start(database, true, settings)) {
			BulkPlan.write(one.getBean(NamedParameterJdbcTemplate.class), "two", 4, 1000, 40, Projects.today());

			var first = CompletableFuture.supplyAsync(() -> one.getBean(Reminders.class).run(Projects.today()));
			var second = CompletableFuture.supplyAsync(() -> two.getBean(Reminders.class).run(Projects.today()));
			int written = first.get() + second.get();

			JdbcClient jdbc = one.getBean(JdbcClient.class);
			Eventually.until("1,000 reminders delivered", Duration.ofSeconds(60), () -> count(jdbc,
					"select count(*) from notification_delivery where status = 'DELIVERED'") == 1000);
			// waits for each instance's round in flight, so a late second delivery would be in the counts below
			Background.drain(one);
			Background.drain(two);

			assertThat(written).isEqualTo(1000);
			assertThat(count(jdbc, "select count(*) from notification_event where kind = 'TASK_REMINDER'")).isEqualTo(1000);
			assertThat(count(jdbc, "select count(*) from notification_delivery")).isEqualTo(1000);
			assertThat(count(jdbc, "select count(*) from notification")).isEqualTo(1000);
			assertThat(count(jdbc, "select count(distinct delivery_id) from notification")).isEqualTo(1000);
			assertThat(count(jdbc, "select count(distinct event_id) from notification")).isEqualTo(1000);
			List<String> deliveredBy = jdbc.sql("select distinct delivered_by from notification_delivery")
				.query(String.class)
				.list();
			assertThat(deliveredBy).as("both instances delivered").hasSize(2);
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
