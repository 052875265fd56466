package dev.milepost.process.internal;

import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.plan.ProjectContext;
import dev.milepost.process.ProcessCompleted;
import dev.milepost.process.ProcessStarting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process module's entry points for other modules: starting a process, and telling them when
 * one completes (its closing milestone achieved, in that same transaction).
 */
@Component
class ProcessEntryPoints implements ProcessStarting {

	private final Processes processes;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ProcessEntryPoints(Processes processes, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.processes = processes;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	@Transactional
	public UUID start(ProjectContext context, String template, LocalDate start, String name) {
		return processes.start(context, new ProcessBodies.Start(template, start, name)).id();
	}

	@EventListener
	void on(MilestoneAchieved achieved) {
		record Row(UUID id, String name, String templateId, String templateName) {
		}
		jdbc.sql("select id, name, template_id, template_name from process where milestone_id = :m")
			.param("m", achieved.milestoneId())
			.query(Rows.of(Row.class))
			.list()
			.forEach(row -> events.publishEvent(new ProcessCompleted(achieved.projectKey(), row.id(), row.name(),
					row.templateId(), row.templateName(), achieved.milestoneId(), achieved.achievedAt())));
	}

}
