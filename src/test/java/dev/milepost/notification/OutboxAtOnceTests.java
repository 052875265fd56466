package dev.milepost.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.notification.outbox.Notice;
import dev.milepost.notification.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many notices written at once (a chunk of rows per statement, as the automation runtime sends
 * them): each gets its deliveries once, a key written before answers the earlier notice and
 * writes nothing, a key given twice in one call is one notice, and more rows than one statement
 * carries are split.
 */
@MilepostTest
class OutboxAtOnceTests {

	@Autowired
	Outbox outbox;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noticesWrittenAtOnceAreWrittenOnceEachWithTheirDeliveries() {
		People.Person ann = people.person("Ann");
		People.Person bob = people.person("Bob");
		String prefix = "at-once:" + UUID.randomUUID() + ":";
		Notice earlier = notice(prefix + "earlier");
		UUID earlierId = outbox.enqueueEach(List.of(new Outbox.Addressed(earlier, List.of(ann.username()),
				Set.of(Channel.IN_APP)))).get(0).id();

		List<Outbox.Addressed> batch = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			batch.add(new Outbox.Addressed(notice(prefix + i), List.of(ann.username(), bob.username(), "nobody-here"),
					Set.of(Channel.IN_APP)));
		}
		batch.add(new Outbox.Addressed(earlier, List.of(bob.username()), Set.of(Channel.IN_APP)));
		batch.add(new Outbox.Addressed(notice(prefix + 7), List.of(bob.username()), Set.of(Channel.IN_APP)));
		List<UUID> ids = outbox.enqueueEach(batch).stream().map(Outbox.Written::id).toList();

		assertThat(ids).hasSize(252);
		assertThat(ids.get(250)).isEqualTo(earlierId);
		assertThat(ids.get(251)).isEqualTo(ids.get(7));
		assertThat(ids.subList(0, 250)).doesNotHaveDuplicates().doesNotContain(earlierId);
		assertThat(count("select count(*) from notification_event where event_key like :p", prefix)).isEqualTo(251);
		// two people each for the 250 new ones (the unknown name is left out), one for the earlier one
		assertThat(count("""
				select count(*) from notification_delivery d join notification_event e on e.id = d.event_id
				where e.event_key like :p and d.channel = 'IN_APP'""", prefix)).isEqualTo(501);
		assertThat(jdbc.sql("select count(*) from notification_delivery where event_id = :e")
			.param("e", earlierId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aNoticeAboutWhatSomeoneWasAlreadyToldOfNamesThemAndTellsOnlyTheOthers() {
		People.Person ann = people.person("Ann");
		People.Person bob = people.person("Bob");
		String prefix = "told:" + UUID.randomUUID() + ":";
		String about = "milestone-status:" + UUID.randomUUID() + ":AT_RISK";
		Outbox.Written builtIn = outbox.enqueueEach(List.of(new Outbox.Addressed(notice(prefix + "built-in", about),
				List.of(ann.username()), Set.of(Channel.IN_APP)))).get(0);
		assertThat(builtIn.alreadyTold()).isEmpty();

		List<Outbox.Written> rules = outbox.enqueueEach(List.of(
				new Outbox.Addressed(notice(prefix + "rule-1", about), List.of(ann.username(), bob.username()),
						Set.of(Channel.IN_APP)),
				new Outbox.Addressed(notice(prefix + "rule-2", about), List.of(bob.username()), Set.of(Channel.IN_APP)),
				new Outbox.Addressed(notice(prefix + "other", null), List.of(ann.username()), Set.of(Channel.IN_APP))));

		// Ann heard of it from the built-in notice, Bob from the first rule of the batch
		assertThat(rules.get(0).alreadyTold()).containsExactly(ann.username());
		assertThat(rules.get(1).alreadyTold()).containsExactly(bob.username());
		assertThat(rules.get(2).alreadyTold()).isEmpty();
		assertThat(count("""
				select count(*) from notification_delivery d join notification_event e on e.id = d.event_id
				where e.event_key like :p""", prefix)).isEqualTo(3);
	}

	private long count(String sql, String prefix) {
		return jdbc.sql(sql).param("p", prefix + "%").query(Long.class).single();
	}

	private static Notice notice(String key) {
		return notice(key, null);
	}

	private static Notice notice(String key, String about) {
		return new Notice(key, NotificationKind.AUTOMATION, null, null, null, null, "Title " + key, "Text",
				Map.of("k", "v"), Instant.now(), about);
	}

}
