package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.schedule.StatusMemory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link StatusMemory} kept with each milestone's stored status ({@code milestone_status}):
 * read by every status computation, written by the recompute that stores the status.
 */
@Component
class StatusMemories {

	private final JdbcClient jdbc;

	StatusMemories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID milestoneId, LocalDate rememberedAsOf, LocalDate lowSince, LocalDate atRiskSince) {
	}

	/** Each milestone's memory as last stored; milestones with none are left out. */
	Map<UUID, StatusMemory> of(UUID projectId) {
		Map<UUID, StatusMemory> memories = new HashMap<>();
		jdbc.sql("""
				select milestone_id, remembered_as_of, low_since, at_risk_since from milestone_status
				where project_id = :p and remembered_as_of is not null""")
			.param("p", projectId)
			.query(Rows.of(Row.class))
			.list()
			.forEach(row -> memories.put(row.milestoneId(),
					new StatusMemory(row.rememberedAsOf(), row.lowSince(), row.atRiskSince())));
		return memories;
	}

	/** Keeps the memory with the milestone's stored status (its row exists). */
	void remember(UUID milestoneId, StatusMemory memory) {
		jdbc.sql("""
				update milestone_status set remembered_as_of = :asOf, low_since = :low, at_risk_since = :since
				where milestone_id = :m""")
			.param("m", milestoneId)
			.param("asOf", memory.asOf())
			.param("low", memory.lowSince())
			.param("since", memory.atRiskSince())
			.update();
	}

}
