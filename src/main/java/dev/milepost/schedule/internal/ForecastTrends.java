package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every milestone's forecast history of one project in one read: a report that shows each
 * milestone's move reads the project's history once, not once per milestone.
 */
@Component
class ForecastTrends {

	private final JdbcClient jdbc;

	ForecastTrends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each milestone's points in the order they were recorded; a milestone without points is absent. */
	Map<UUID, List<Forecasts.TrendPoint>> ofProject(UUID projectId) {
		Map<UUID, List<Forecasts.TrendPoint>> trends = new HashMap<>();
		jdbc.sql("""
				select milestone_id, status_date, forecast_date, status, recorded_at from milestone_forecast
				where project_id = :p order by milestone_id, status_date, recorded_at, id""")
			.param("p", projectId)
			.query(rs -> {
				trends.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
					.add(new Forecasts.TrendPoint(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
							rs.getString(4) == null ? null : MilestoneStatus.valueOf(rs.getString(4)),
							rs.getTimestamp(5).toInstant()));
			});
		return trends;
	}

}
