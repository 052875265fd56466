package dev.milepost.plan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each project's time zone: its own when set, otherwise the workspace's ({@code milepost.time-zone},
 * UTC unless configured). Time triggers of blueprints count days and read cron schedules in it.
 */
@Service
public class ProjectTimeZones {

	private final JdbcClient jdbc;

	private final ZoneId workspace;

	ProjectTimeZones(JdbcClient jdbc, @Value("${milepost.time-zone:UTC}") String workspace) {
		this.jdbc = jdbc;
		this.workspace = ZoneId.of(workspace);
	}

	/** The workspace zone, which projects without their own follow. */
	public ZoneId workspace() {
		return workspace;
	}

	/** The zone a project lives in; the workspace's when the project has none or does not exist. */
	public ZoneId of(UUID projectId) {
		return jdbc.sql("select time_zone from project where id = :id")
			.param("id", projectId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(zone -> zone)
			.map(ZoneId::of)
			.orElse(workspace);
	}

	/** A zone as a client named it, or a refusal naming the field; null and blank stay null. */
	public static String validate(String field, String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(zone.strip()).getId();
		}
		catch (DateTimeException e) {
			throw new RuleViolationException(field,
					"'" + zone + "' is not a time zone; give an IANA name such as Europe/Berlin or UTC.");
		}
	}

}
