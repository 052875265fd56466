package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.automation.definition.Trigger;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectTimeZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The time triggers: {@code task.due}, {@code task.overdue} and {@code milestone.approaching} once
 * a day in each project's time zone (from {@code milepost.automation.daily-time}, 07:00, on), and
 * {@code schedule} on each rule's cron. A sweep runs every few minutes on whichever instance picks
 * it up; every firing has a dedupe key (rule version, the task or milestone, the date or the cron
 * instant), so two instances or two sweeps never fire a rule twice.
 */
@Component
class TimeTriggers {

	private static final Logger logger = LoggerFactory.getLogger(TimeTriggers.class);

	static final List<String> DAILY = List.of("task.due", "task.overdue", "milestone.approaching");

	private final RuleBook book;

	private final RuleRunner runner;

	private final PlanQueries plans;

	private final ProjectTimeZones zones;

	private final Clock clock;

	private final LocalTime dailyTime;

	private final Duration catchUp;

	TimeTriggers(RuleBook book, RuleRunner runner, PlanQueries plans, ProjectTimeZones zones, Clock clock,
			@Value("${milepost.automation.daily-time:07:00}") LocalTime dailyTime,
			@Value("${milepost.automation.schedule-catch-up:1h}") Duration catchUp) {
		this.book = book;
		this.runner = runner;
		this.plans = plans;
		this.zones = zones;
		this.clock = clock;
		this.dailyTime = dailyTime;
		this.catchUp = catchUp;
	}

	/** One matching task or milestone (or cron instant) of a time rule, with its dedupe suffix. */
	record Firing(Map<String, Object> data, String dedupe) {
	}

	/** The moment a day's daily triggers become due in a zone: the sweeps from then on fire them. */
	Instant dailyMoment(LocalDate day, ZoneId zone) {
		return day.atTime(dailyTime).atZone(zone).toInstant();
	}

	/** Fires what is due in every project at this moment; returns how many runs it started. */
	int sweep() {
		Instant now = clock.instant();
		int runs = 0;
		for (String key : plans.projectKeys()) {
			UUID projectId = plans.projectId(key).orElse(null);
			if (projectId == null) {
				continue;
			}
			try {
				runs += sweep(projectId, key, now);
			}
			catch (RuntimeException e) {
				logger.warn("Time triggers of project {} failed", key, e);
			}
		}
		return runs;
	}

	int sweep(UUID projectId, String projectKey, Instant now) {
		ZoneId zone = zones.of(projectId);
		ZonedDateTime local = now.atZone(zone);
		boolean dailyDue = !local.toLocalTime().isBefore(dailyTime);
		Supplier<PlanFacts> facts = RuleRunner.memo(() -> runner.facts(projectId));
		int runs = 0;
		List<String> triggers = new ArrayList<>(dailyDue ? DAILY : List.of());
		triggers.add("schedule");
		for (String trigger : triggers) {
			for (ActiveRule rule : book.rules(projectId, trigger)) {
				for (Firing firing : firings(rule.rule().when(), facts, zone, now)) {
					Occurrence occurrence = new Occurrence(projectKey, trigger, firing.data(), "system", now);
					String dedupe = "time:" + rule.versionId() + ":" + rule.ruleIndex() + ":" + firing.dedupe();
					if (runner.run(projectId, occurrence, rule, dedupe, null, 0, List.of(), facts).isPresent()) {
						runs++;
					}
				}
			}
		}
		return runs;
	}

	/** What a time rule fires for at {@code now}: the tasks or milestones that match today, or the cron instant. */
	List<Firing> firings(Trigger trigger, Supplier<PlanFacts> facts, ZoneId projectZone, Instant now) {
		List<Firing> firings = new ArrayList<>();
		if (trigger instanceof Trigger.Schedule schedule) {
			ZoneId zone = schedule.zone() == null ? projectZone : ZoneId.of(schedule.zone());
			ZonedDateTime last = lastFire(CronExpression.parse(schedule.cron()), now.atZone(zone));
			if (last != null) {
				firings.add(new Firing(Map.of("scheduledFor", last.toInstant().toString()),
						"cron:" + last.toInstant()));
			}
			return firings;
		}
		PlanFacts plan = facts.get();
		LocalDate today = plan.today();
		if (trigger instanceof Trigger.TaskDue due) {
			for (ProjectPlan.Task task : plan.tasks()) {
				LocalDate finish = plan.plannedFinish(task);
				if (!task.done() && finish != null && !finish.isBefore(today)
						&& plan.workingDaysBetween(today, finish) == due.days()) {
					firings.add(new Firing(Map.of("taskId", task.id().toString(), "plannedFinish", finish.toString()),
							"task:" + task.id() + ":" + finish + ":" + today));
				}
			}
		}
		else if (trigger instanceof Trigger.TaskOverdue) {
			for (ProjectPlan.Task task : plan.tasks()) {
				LocalDate finish = plan.plannedFinish(task);
				if (!task.done() && finish != null && finish.isBefore(today)) {
					firings.add(new Firing(Map.of("taskId", task.id().toString(), "plannedFinish", finish.toString()),
							"task:" + task.id() + ":" + finish));
				}
			}
		}
		else if (trigger instanceof Trigger.MilestoneApproaching approaching) {
			for (ProjectPlan.Milestone milestone : plan.plan().milestones()) {
				if (!milestone.achieved() && milestone.targetDate() != null
						&& ChronoUnit.DAYS.between(today, milestone.targetDate()) == approaching.days()) {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("milestoneId", milestone.id().toString());
					data.put("target", milestone.targetDate().toString());
					firings.add(new Firing(data, "milestone:" + milestone.id() + ":" + milestone.targetDate() + ":" + today));
				}
			}
		}
		return firings;
	}

	/** The cron's latest instant at or before {@code now}, if within the catch-up window. */
	private ZonedDateTime lastFire(CronExpression cron, ZonedDateTime now) {
		ZonedDateTime next = cron.next(now.minus(catchUp));
		ZonedDateTime last = null;
		while (next != null && !next.isAfter(now)) {
			last = next;
			next = cron.next(next);
		}
		return last;
	}

}
