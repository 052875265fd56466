package dev.milepost.schedule;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A milestone's status as last computed (after every plan change), for modules whose rules hang
 * on it, such as re-planning only missed or at-risk milestones. Access is the caller's business.
 */
@Service
public class MilestoneStatusLookup {

	private final JdbcClient jdbc;

	MilestoneStatusLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored status, or empty when it was never computed (a milestone just created, say). */
	public Optional<MilestoneStatus> current(UUID milestoneId) {
		return jdbc.sql("select status from milestone_status where milestone_id = :m")
			.param("m", milestoneId)
			.query(String.class)
			.optional()
			.map(MilestoneStatus::valueOf);
	}

}
