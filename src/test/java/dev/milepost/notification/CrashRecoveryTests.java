package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.Instances;
import dev.milepost.Teams;
import dev.milepost.notification.outbox.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives a crash: changes commit on an instance that never gets to deliver (its
 * background work is off, and a round it started was cut short after claiming some deliveries),
 * that instance goes away, and the instance started after it on the same database delivers every
 * notification exactly once. H2 keeps the data in a file for this; PostgreSQL in a schema of the
 * test database.
 */
class CrashRecoveryTests {

	@TempDir
	Path directory;

	@Test
	void whatCommittedBeforeACrashIsDeliveredExactlyOnceAfterTheRestart() {
		Instances.Database database = Instances.Database.isolated("notify_crash", directory);
		try (Receiver receiver = Receiver.start()) {
			String path = "/crash";
			Teams.Team team;
			try (ConfigurableApplicationContext crashed = Instances.start(database, false)) {
				team = crashed.getBean(Teams.class).team(Api.at(Instances.port(crashed)));
				Teams.check(team.as(team.manager()).post(team.path("/webhooks"), Map.of("url", receiver.url(path))), 201);
				for (String name : List.of("Cutover weekend", "Hypercare over", "Legacy off")) {
					Projects.achieve(team, team.member(),
							Projects.milestone(team, name, team.member(), Projects.today().plusDays(30)));
				}
				JdbcClient jdbc = crashed.getBean(JdbcClient.class);
				// three achievements, each for four people in-app and for the webhook
				assertThat(count(jdbc, "select count(*) from notification_delivery where status = 'PENDING'")).isEqualTo(15);
				assertThat(count(jdbc, "select count(*) from notification")).isZero();
				// a delivery round began and died after claiming these
				Deliveries deliveries = crashed.getBean(Deliveries.class);
				assertThat(deliveries.claim(Set.of(dev.milepost.notification.Channel.IN_APP), 3, Duration.ofSeconds(2)))
					.hasSize(3);
				assertThat(deliveries.claim(Set.of(dev.milepost.notification.Channel.WEBHOOK), 1, Duration.ofSeconds(2)))
					.hasSize(1);
			}
			assertThat(receiver.calls(path)).isEmpty();

			try (ConfigurableApplicationContext restarted = Instances.start(database, true)) {
				JdbcClient jdbc = restarted.getBean(JdbcClient.class);
				Eventually.until("every delivery done after the restart", Duration.ofSeconds(30),
						() -> count(jdbc, "select count(*) from notification_delivery where status = 'DELIVERED'") == 15);
				// waits for the round in flight, so a second delivery of anything would be in the counts below
				Background.drain(restarted);

				assertThat(count(jdbc, "select count(*) from notification_delivery")).isEqualTo(15);
				assertThat(count(jdbc, "select count(*) from notification")).isEqualTo(12);
				assertThat(count(jdbc, "select count(distinct delivery_id) from notification")).isEqualTo(12);
				assertThat(jdbc.sql("select count(*) from notification group by user_id").query(Long.class).list())
					.hasSize(4)
					.allMatch(each -> each == 3);
				assertThat(receiver.calls(path)).hasSize(3);
				assertThat(receiver.calls(path).stream().map(Receiver.Call::id).distinct()).hasSize(3);
			}
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
