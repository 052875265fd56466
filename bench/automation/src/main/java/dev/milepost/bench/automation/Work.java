package dev.milepost.bench.automation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.milepost.automation.definition.Action;
import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.CompiledCondition;
import dev.milepost.automation.definition.ConditionCheck;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.automation.definition.ParsedBlueprint;
import dev.milepost.automation.definition.Rule;

/**
 * The unit of work both engines do for one event: the rule's CEL condition is evaluated against
 * the event's variables and, when it holds, a notice and its in-app delivery are written to the
 * notification outbox (the rows {@code Outbox.enqueue} writes), in the caller's transaction.
 */
final class Work {

	static final String BLUEPRINT = """
			blueprint: Benchmark
			rules:
			  - name: At-risk development milestones tell their owners
			    when:
			      trigger: milestone.at-risk
			    if: milestone.tags.exists(t, t == "development") && milestone.slackDays < 0 && !milestone.achieved
			    then:
			      - action: notify
			        to: [owner]
			        channels: [in-app]
			        message: "{{milestone.name}} is at risk: forecast {{milestone.forecast}}, target {{milestone.target}}"
			""";

	private final UUID project;

	private final UUID owner;

	final Rule rule;

	final CompiledCondition condition;

	final String message;

	private final AtomicLong sequence = new AtomicLong();

	Work(UUID project, UUID owner) {
		this.project = project;
		this.owner = owner;
		ParsedBlueprint parsed = BlueprintParser.parse(BLUEPRINT);
		if (!parsed.valid()) {
			throw new IllegalStateException("benchmark blueprint invalid: " + parsed.problems());
		}
		rule = parsed.blueprint().rules().get(0);
		ConditionCheck check = Conditions.compile(rule.when().name(), rule.condition());
		if (!check.ok()) {
			throw new IllegalStateException("benchmark condition invalid: " + check.issues());
		}
		condition = check.condition();
		message = ((Action.Notify) rule.then().get(0)).message();
	}

	/** The variables of the n-th event: a milestone that turned at risk. */
	Map<String, Object> event(long n) {
		return Map.of("project", Map.of("key", "BENCH", "name", "Benchmark", "manager", "mia", "sponsor", "sam",
				"finish", "2027-06-30", "timeZone", "UTC"),
				"milestone", Map.of("id", "m" + n, "name", "Milestone " + n, "owner", "owen", "status", "AT_RISK",
						"target", "2027-03-01", "forecast", "2027-03-08", "slackDays", -5L, "tags",
						List.of("release", "development"), "achieved", false),
				"change", Map.of("from", "ON_TRACK", "to", "AT_RISK", "reasons", List.of("a feeding task slipped")),
				"event", Map.of("type", "milestone.at-risk", "actor", "system", "at", "2027-02-01T08:00:00Z", "today",
						"2027-02-01"));
	}

	long next() {
		return sequence.incrementAndGet();
	}

	/** Evaluates the condition and, when it holds, writes the notice; true when a notice was written. */
	@SuppressWarnings("unchecked")
	boolean handle(Connection connection, Map<String, Object> variables) throws SQLException {
		if (!Conditions.evaluate(condition, variables).value()) {
			return false;
		}
		Map<String, Object> milestone = (Map<String, Object>) variables.get("milestone");
		String text = message.replace("{{milestone.name}}", (String) milestone.get("name"))
			.replace("{{milestone.forecast}}", (String) milestone.get("forecast"))
			.replace("{{milestone.target}}", (String) milestone.get("target"));
		UUID eventId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		String key = "flowable:" + milestone.get("id") + ":" + UUID.randomUUID();
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into notification_event (id, event_key, kind, project_id, project_key, subject_type, subject_id,
				                                title, body, data, occurred_at)
				values (?, ?, 'AUTOMATION', ?, 'BENCH', 'MILESTONE', ?, ?, ?, ?, ?)
				on conflict do nothing""")) {
			insert.setObject(1, eventId);
			insert.setString(2, key);
			insert.setObject(3, project);
			insert.setString(4, (String) milestone.get("id"));
			insert.setString(5, "At-risk development milestones tell their owners");
			insert.setString(6, text);
			insert.setString(7, "{\"milestone\":\"" + milestone.get("id") + "\"}");
			insert.setTimestamp(8, now);
			insert.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into notification_delivery (id, idempotency_key, event_id, channel, recipient_id, webhook_id,
				                                   project_id, status, attempts, next_attempt_at, retry_from, created_at)
				values (?, ?, ?, 'IN_APP', ?, null, ?, 'PENDING', 0, ?, ?, ?)
				on conflict do nothing""")) {
			insert.setObject(1, UUID.randomUUID());
			insert.setString(2, key + ":" + owner + ":IN_APP");
			insert.setObject(3, eventId);
			insert.setObject(4, owner);
			insert.setObject(5, project);
			insert.setTimestamp(6, now);
			insert.setTimestamp(7, now);
			insert.setTimestamp(8, now);
			insert.executeUpdate();
		}
		return true;
	}

}
