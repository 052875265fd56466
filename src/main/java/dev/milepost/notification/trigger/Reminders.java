package dev.milepost.notification.trigger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.outbox.NotificationSettings;
import dev.milepost.notification.outbox.Notice;
import dev.milepost.notification.outbox.Outbox;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before dates: a milestone's owner a few days before its target (with the open tasks
 * that feed it and who does them), a task's assignees a few days before its planned finish
 * (planned start plus duration in the project's working days). Each reminder is written once per
 * milestone or task, date and number of days before, however often this runs: a run that was
 * missed is made up by the next one, and a moved date gets a reminder of its own.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final PlanQueries plans;

	private final ApprovalRequests approvals;

	private final Outbox outbox;

	private final NotificationSettings.Reminders settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Reminders(PlanQueries plans, ApprovalRequests approvals, Outbox outbox, NotificationSettings settings,
			PlatformTransactionManager transactions, Clock clock) {
		this.plans = plans;
		this.approvals = approvals;
		this.outbox = outbox;
		this.settings = settings.reminders();
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Writes the reminders due today (UTC); returns how many were new. */
	public int run() {
		return run(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	public int run(LocalDate today) {
		int written = 0;
		for (String key : plans.projectKeys()) {
			try {
				Integer count = transaction.execute(status -> remind(key, today));
				written += count == null ? 0 : count;
			}
			catch (RuntimeException e) {
				// one broken project must not keep the others' reminders back; the next run tries again
				log.error("Could not write the reminders of {}", key, e);
			}
		}
		try {
			Integer count = transaction.execute(status -> remindApprovers(today));
			written += count == null ? 0 : count;
		}
		catch (RuntimeException e) {
			log.error("Could not write the approval reminders", e);
		}
		log.info("Wrote {} reminders for {}", written, today);
		return written;
	}

	/** Whoever can decide a pending approval now hears of it a few days before it is due. */
	private int remindApprovers(LocalDate today) {
		List<Outbox.Addressed> due = new ArrayList<>();
		for (ApprovalRequests.Due request : approvals.dueBetween(today, today.plusDays(settings.approvalDays()))) {
			UUID projectId = plans.projectId(request.projectKey()).orElse(null);
			if (projectId == null) {
				continue;
			}
			List<String> recipients = Deciders.people(request.deciders(), plans.roster(projectId).orElse(null));
			long days = ChronoUnit.DAYS.between(today, request.dueDate());
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("project", request.projectKey());
			data.put("approval", request.requestId().toString());
			data.put("number", request.number());
			data.put("dueDate", request.dueDate().toString());
			data.put("daysLeft", days);
			String key = "reminder:approval:" + request.requestId() + ":" + request.dueDate() + ":"
					+ settings.approvalDays();
			due.add(new Outbox.Addressed(new Notice(key, NotificationKind.APPROVAL_REMINDER, projectId,
					request.projectKey(), "approval", request.requestId().toString(),
					"Approval #" + request.number() + " of " + request.projectKey() + " is due " + inDays(days),
					"'" + request.title() + "' waits for your decision by " + request.dueDate() + ".", data,
					clock.instant()), recipients));
		}
		return outbox.enqueueAll(due);
	}

	private int remind(String projectKey, LocalDate today) {
		UUID projectId = plans.projectId(projectKey).orElse(null);
		if (projectId == null) {
			return 0;
		}
		ProjectPlan plan = plans.plan(projectId);
		Map<UUID, ProjectPlan.Task> tasks = plan.tasks().stream()
			.collect(Collectors.toMap(ProjectPlan.Task::id, Function.identity()));
		List<Outbox.Addressed> due = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			long days = ChronoUnit.DAYS.between(today, milestone.targetDate());
			if (!milestone.achieved() && days >= 0 && days <= settings.milestoneDays()) {
				due.add(remindOwner(plan, milestone, days, feeding(plan, milestone, tasks)));
			}
		}
		for (ProjectPlan.Task task : plan.tasks()) {
			if (task.done() || task.plannedStart() == null || task.assignees().isEmpty()) {
				continue;
			}
			LocalDate finish = finishOf(plan.workingDays(), plan.holidays(), task.plannedStart(), task.durationDays());
			long days = ChronoUnit.DAYS.between(today, finish);
			if (days >= 0 && days <= settings.taskDays()) {
				due.add(remindAssignees(plan, task, finish, days));
			}
		}
		return outbox.enqueueAll(due);
	}

	private Outbox.Addressed remindOwner(ProjectPlan plan, ProjectPlan.Milestone milestone, long days,
			List<ProjectPlan.Task> open) {
		StringBuilder text = new StringBuilder("Its target is " + milestone.targetDate() + " (" + inDays(days) + ").");
		if (open.isEmpty()) {
			text.append(" No open task feeds it.");
		}
		else {
			text.append(" Open tasks feeding it:");
			open.forEach(task -> text.append("\n- ").append(task.name()).append(" (")
				.append(task.percentComplete()).append("% done; ")
				.append(task.assignees().isEmpty() ? "nobody assigned" : String.join(", ", task.assignees()))
				.append(')'));
		}
		Map<String, Object> data = MilestoneNotifications.milestone(plan.key(), milestone.id(), milestone.name());
		data.put("target", milestone.targetDate().toString());
		data.put("daysBefore", settings.milestoneDays());
		data.put("daysLeft", days);
		data.put("openTasks", open.stream()
			.map(task -> Map.of("id", task.id().toString(), "name", task.name(), "assignees", task.assignees()))
			.toList());
		String key = "reminder:milestone:" + milestone.id() + ":" + milestone.targetDate() + ":"
				+ settings.milestoneDays();
		return new Outbox.Addressed(new Notice(key, NotificationKind.MILESTONE_REMINDER, plan.projectId(), plan.key(),
				"milestone", milestone.id().toString(),
				"Milestone '" + milestone.name() + "' of " + plan.key() + " is due " + inDays(days), text.toString(),
				data, clock.instant()), java.util.Collections.singletonList(milestone.owner()));
	}

	private Outbox.Addressed remindAssignees(ProjectPlan plan, ProjectPlan.Task task, LocalDate finish, long days) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("projectKey", plan.key());
		data.put("task", Map.of("id", task.id().toString(), "name", task.name()));
		data.put("plannedFinish", finish.toString());
		data.put("daysBefore", settings.taskDays());
		data.put("daysLeft", days);
		data.put("assignees", task.assignees());
		String key = "reminder:task:" + task.id() + ":" + finish + ":" + settings.taskDays();
		return new Outbox.Addressed(new Notice(key, NotificationKind.TASK_REMINDER, plan.projectId(), plan.key(), "task",
				task.id().toString(), "Task '" + task.name() + "' of " + plan.key() + " is planned to finish "
						+ inDays(days),
				"Its planned finish is " + finish + " (" + inDays(days) + "); it is " + task.percentComplete()
						+ "% done.",
				data, clock.instant()), task.assignees());
	}

	/** The open tasks directly before the milestone in the plan's dependencies. */
	private static List<ProjectPlan.Task> feeding(ProjectPlan plan, ProjectPlan.Milestone milestone,
			Map<UUID, ProjectPlan.Task> tasks) {
		return plan.links().stream()
			.filter(link -> link.successor().equals(milestone.id()) && link.predecessorKind() == ActivityKind.TASK)
			.map(link -> tasks.get(link.predecessor()))
			.filter(task -> task != null && !task.done())
			.toList();
	}

	/** The last working day of work that starts on {@code start} and takes {@code days} working days. */
	public static LocalDate finishOf(Set<DayOfWeek> workingDays, Set<LocalDate> holidays, LocalDate start, int days) {
		if (workingDays.isEmpty()) {
			return start;
		}
		LocalDate day = nextWorkingDay(workingDays, holidays, start);
		for (int left = days - 1; left > 0; left--) {
			day = nextWorkingDay(workingDays, holidays, day.plusDays(1));
		}
		return day;
	}

	private static LocalDate nextWorkingDay(Set<DayOfWeek> workingDays, Set<LocalDate> holidays, LocalDate from) {
		LocalDate day = from;
		// a year of holidays at most: a calendar with working weekdays always has a working day in it
		for (int i = 0; i < 366 && (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)); i++) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static String inDays(long days) {
		return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
	}

}
