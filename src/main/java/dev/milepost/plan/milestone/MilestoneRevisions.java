package dev.milepost.plan.milestone;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of each milestone's target: every move, with the date it moved from and to, why,
 * who proposed it and who agreed (for a re-plan agreed through an approval request) or nobody
 * (for a manager's edit while the milestone was on track). The first move's {@code from} is the
 * milestone's original target.
 */
@Component
class MilestoneRevisions {

	private final JdbcClient jdbc;

	MilestoneRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One stored move; people by id. */
	record Stored(LocalDate from, LocalDate to, String reason, UUID proposedBy, Instant proposedAt, UUID agreedBy,
			UUID onBehalfOf, Instant agreedAt, UUID approvalRequest) {

		Stream<UUID> people() {
			return Stream.of(proposedBy, agreedBy, onBehalfOf);
		}

	}

	void record(UUID projectId, UUID milestoneId, Stored revision) {
		int next = jdbc.sql("select coalesce(max(seq), 0) + 1 from milestone_revision where milestone_id = :m")
			.param("m", milestoneId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into milestone_revision (milestone_id, seq, project_id, previous_target, new_target, reason,
				       proposed_by, proposed_at, agreed_by, agreed_on_behalf_of, agreed_at, approval_request_id)
				values (:m, :seq, :p, :from, :to, :reason, :proposedBy, :proposedAt, :agreedBy, :onBehalfOf, :agreedAt,
				        :request)""")
			.param("m", milestoneId)
			.param("seq", next)
			.param("p", projectId)
			.param("from", revision.from())
			.param("to", revision.to())
			.param("reason", revision.reason())
			.param("proposedBy", revision.proposedBy())
			.param("proposedAt", timestamp(revision.proposedAt()))
			.param("agreedBy", revision.agreedBy())
			.param("onBehalfOf", revision.onBehalfOf())
			.param("agreedAt", timestamp(revision.agreedAt()))
			.param("request", revision.approvalRequest())
			.update();
	}

	/** The moves of each of the milestones, oldest first; milestones never moved are left out. */
	Map<UUID, List<Stored>> of(Collection<UUID> milestoneIds) {
		Map<UUID, List<Stored>> revisions = new HashMap<>();
		if (milestoneIds.isEmpty()) {
			return revisions;
		}
		jdbc.sql("""
				select milestone_id, previous_target, new_target, reason, proposed_by, proposed_at, agreed_by,
				       agreed_on_behalf_of, agreed_at, approval_request_id
				from milestone_revision where milestone_id in (:ids) order by milestone_id, seq""")
			.param("ids", List.copyOf(milestoneIds))
			.query((rs, n) -> revisions.computeIfAbsent(rs.getObject("milestone_id", UUID.class), k -> new ArrayList<>())
				.add(new Stored(rs.getObject("previous_target", LocalDate.class),
						rs.getObject("new_target", LocalDate.class), rs.getString("reason"),
						rs.getObject("proposed_by", UUID.class), instant(rs.getTimestamp("proposed_at")),
						rs.getObject("agreed_by", UUID.class), rs.getObject("agreed_on_behalf_of", UUID.class),
						instant(rs.getTimestamp("agreed_at")), rs.getObject("approval_request_id", UUID.class))))
			.list();
		return revisions;
	}

	void deleteOf(UUID milestoneId) {
		jdbc.sql("delete from milestone_revision where milestone_id = :m").param("m", milestoneId).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
