package dev.milepost.process.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalRequests;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Rows;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.PlanBuilding;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPeople;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;
import dev.milepost.process.internal.ProcessBodies.ClosingCriterion;
import dev.milepost.process.internal.ProcessBodies.MilestoneView;
import dev.milepost.process.internal.ProcessBodies.ProcessStatus;
import dev.milepost.process.internal.ProcessBodies.ProcessView;
import dev.milepost.process.internal.ProcessBodies.Step;
import dev.milepost.process.internal.ProcessBodies.StepKind;
import dev.milepost.process.internal.ProcessBodies.StepView;
import dev.milepost.process.internal.ProcessBodies.TemplateView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting processes from templates, and reading how far they have come. Starting creates every
 * task, approval request, dependency and the closing milestone in one transaction: any refusal
 * leaves the plan as it was.
 */
@Service
class Processes {

	private final ProcessTemplates templates;

	private final PlanBuilding building;

	private final PlanQueries queries;

	private final ApprovalRequests approvals;

	private final ProjectPeople people;

	private final JdbcClient jdbc;

	private final Clock clock;

	Processes(ProcessTemplates templates, PlanBuilding building, PlanQueries queries, ApprovalRequests approvals,
			ProjectPeople people, JdbcClient jdbc, Clock clock) {
		this.templates = templates;
		this.building = building;
		this.queries = queries;
		this.approvals = approvals;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A step as started: what it created and when it is planned. */
	private record Created(int seq, Step step, UUID taskId, UUID approvalId, LocalDate plannedStart, LocalDate due) {
	}

	@Transactional
	ProcessView start(ProjectContext context, ProcessBodies.Start body) {
		TemplateView template = templates.resolve(context, body.template().strip());
		// a stored template met the rules when it was made; check again, the rules may have grown since
		TemplateRules.check(new ProcessBodies.Template(template.name(), template.description(), template.steps(),
				template.milestone()));
		String name = body.name() == null || body.name().isBlank() ? template.name() : body.name().strip();
		ProjectPlan plan = queries.plan(context);
		Calendar calendar = new Calendar(plan.workingDays(), plan.holidays());
		LocalDate begin = calendar.onOrAfter(body.start());

		List<Step> steps = template.steps();
		Map<String, Step> byKey = steps.stream().collect(Collectors.toMap(Step::key, Function.identity()));
		Set<String> waitedOn = steps.stream().flatMap(s -> s.after().stream()).collect(Collectors.toSet());

		// dates first: the milestone's target is the latest finish or due date
		Map<String, LocalDate> starts = new HashMap<>();
		Map<String, LocalDate> ends = new HashMap<>();
		for (Step step : steps) {
			LocalDate from = calendar.plus(begin, step.startOffset());
			starts.put(step.key(), from);
			ends.put(step.key(), step.kind() == StepKind.TASK ? calendar.plus(from, step.durationDays() - 1)
					: calendar.plus(begin, step.dueDays()));
		}
		LocalDate target = Collections.max(ends.values());

		ProcessBodies.Closing closing = template.milestone();
		String owner = people.activeHolders(context, closing.owner()).stream().findFirst()
			.orElseThrow(() -> nobodyHolds("template.milestone.owner", closing.owner(), context));
		boolean byApproval = closing.criterion() == ClosingCriterion.APPROVAL_BY_ROLE;
		UUID milestone = building.addMilestone(context, closing.name(),
				"Closes the process '" + name + "' (" + template.name() + ").", target, owner,
				closing.criterion().name(),
				byApproval ? "Approved by the project's " + role(closing.role()) + " in the process '" + name + "'"
						: "Every task of the process '" + name + "' is done",
				byApproval ? closing.role() : null);

		List<Created> created = new ArrayList<>();
		Map<String, UUID> tasks = new HashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (step.kind() != StepKind.TASK) {
				continue;
			}
			List<String> assignees = people.activeHolders(context, step.owner());
			if (assignees.isEmpty()) {
				throw nobodyHolds("template.steps[" + i + "].owner", step.owner(), context);
			}
			UUID task = building.addTask(context, step.name(), "Step '" + step.key() + "' of the process '" + name + "'.",
					step.durationDays(), assignees, starts.get(step.key()));
			tasks.put(step.key(), task);
			created.add(new Created(i, step, task, null, starts.get(step.key()), ends.get(step.key())));
		}
		for (Step step : steps) {
			if (step.kind() == StepKind.TASK) {
				for (String before : step.after()) {
					if (tasks.containsKey(before)) {
						building.link(context, tasks.get(before), tasks.get(step.key()));
					}
				}
			}
		}
		// final steps feed the milestone: tasks directly, approvals through the tasks they wait on
		Set<UUID> feeding = new LinkedHashSet<>();
		for (Step step : steps) {
			if (!waitedOn.contains(step.key())) {
				feeding.addAll(feedingTasks(step, byKey, tasks, new HashSet<>()));
			}
		}
		for (UUID task : feeding) {
			building.link(context, task, milestone);
		}
		// each approval waits for every step it follows, directly or through the steps between, so
		// one that follows another approval is opened after it
		Map<String, UUID> opened = new HashMap<>();
		for (int before = -1; opened.size() > before;) {
			before = opened.size();
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				List<String> upstream = upstream(step, steps, byKey);
				if (step.kind() != StepKind.APPROVAL || opened.containsKey(step.key())
						|| !upstream.stream().allMatch(key -> tasks.containsKey(key) || opened.containsKey(key))) {
					continue;
				}
				boolean closes = byApproval && step.approvers().contains(closing.role());
				UUID approval = approvals.open(context, new ApprovalRequests.NewRequest(name + ": " + step.name(),
						"Step '" + step.key() + "' of the process '" + name + "'"
								+ (closes ? "; approving it achieves the milestone '" + closing.name() + "'." : "."),
						closes ? milestone : null, ApprovalMode.ALL, ends.get(step.key()), step.approvers(),
						upstream.stream().filter(tasks::containsKey).map(tasks::get).toList(),
						upstream.stream().filter(opened::containsKey).map(opened::get).toList()));
				opened.put(step.key(), approval);
				created.add(new Created(i, step, null, approval, starts.get(step.key()), ends.get(step.key())));
			}
		}
		created.sort(java.util.Comparator.comparingInt(Created::seq));

		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into process (id, project_id, project_key, name, template_id, template_name, start_date,
				  milestone_id, started_by, started_at)
				values (:id, :p, :key, :name, :template, :templateName, :start, :milestone, :by, :at)""")
			.param("id", id)
			.param("p", context.projectId())
			.param("key", context.projectKey())
			.param("name", name)
			.param("template", template.id())
			.param("templateName", template.name())
			.param("start", begin)
			.param("milestone", milestone)
			.param("by", context.actor())
			.param("at", Timestamp.from(now))
			.update();
		for (Created step : created) {
			jdbc.sql("""
					insert into process_step (process_id, seq, step_key, name, kind, task_id, approval_id,
					  planned_start, due_date, after_keys)
					values (:id, :seq, :key, :name, :kind, :task, :approval, :start, :due, :after)""")
				.param("id", id)
				.param("seq", step.seq())
				.param("key", step.step().key())
				.param("name", step.step().name())
				.param("kind", step.step().kind().name())
				.param("task", step.taskId())
				.param("approval", step.approvalId())
				.param("start", step.plannedStart())
				.param("due", step.due())
				.param("after", String.join(",", step.step().after()))
				.update();
		}
		return read(context, id);
	}

	@Transactional(readOnly = true)
	List<ProcessView> list(ProjectContext context) {
		List<UUID> ids = jdbc.sql("select id from process where project_id = :p order by started_at, id")
			.param("p", context.projectId())
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Snapshot snapshot = snapshot(context);
		return ids.stream().map(id -> view(context, id, snapshot)).toList();
	}

	@Transactional(readOnly = true)
	ProcessView read(ProjectContext context, UUID id) {
		return view(context, id, snapshot(context));
	}

	private record Snapshot(Map<UUID, ProjectPlan.Task> tasks, Map<UUID, ProjectPlan.Milestone> milestones,
			Map<UUID, ApprovalStatus> approvals, Set<UUID> waiting) {
	}

	private Snapshot snapshot(ProjectContext context) {
		ProjectPlan plan = queries.plan(context);
		List<UUID> approvalIds = jdbc.sql("""
				select s.approval_id from process_step s join process p on p.id = s.process_id
				where p.project_id = :p and s.approval_id is not null""")
			.param("p", context.projectId())
			.query(UUID.class)
			.list();
		return new Snapshot(plan.tasks().stream().collect(Collectors.toMap(ProjectPlan.Task::id, Function.identity())),
				plan.milestones().stream().collect(Collectors.toMap(ProjectPlan.Milestone::id, Function.identity())),
				approvals.statuses(context, approvalIds), approvals.waiting(context, approvalIds));
	}

	private ProcessView view(ProjectContext context, UUID id, Snapshot snapshot) {
		record Head(UUID id, String name, String templateId, String templateName, LocalDate startDate,
				UUID milestoneId, String startedBy, Timestamp startedAt) {
		}
		Head head = jdbc.sql("""
				select id, name, template_id, template_name, start_date, milestone_id, started_by, started_at
				from process where id = :id and project_id = :p""")
			.param("id", id)
			.param("p", context.projectId())
			.query(Rows.of(Head.class))
			.optional()
			.orElseThrow(() -> NotFoundException.of("process", id));
		List<StepView> steps = jdbc.sql("""
				select step_key, name, kind, task_id, approval_id, planned_start, due_date, after_keys
				from process_step where process_id = :id order by seq""")
			.param("id", id)
			.query((rs, n) -> {
				StepKind kind = StepKind.valueOf(rs.getString("kind"));
				UUID task = rs.getObject("task_id", UUID.class);
				UUID approval = rs.getObject("approval_id", UUID.class);
				String after = rs.getString("after_keys");
				return new StepView(rs.getString("step_key"), rs.getString("name"), kind,
						kind == StepKind.TASK ? task : approval,
						kind == StepKind.TASK ? taskState(snapshot.tasks().get(task))
								: approvalState(snapshot.approvals().get(approval), snapshot.waiting().contains(approval)),
						rs.getObject("planned_start", LocalDate.class), rs.getObject("due_date", LocalDate.class),
						after == null || after.isEmpty() ? List.of() : List.of(after.split(",")));
			})
			.list();
		ProjectPlan.Milestone milestone = snapshot.milestones().get(head.milestoneId());
		MilestoneView closing = milestone == null ? new MilestoneView(head.milestoneId(), null, null, false, null)
				: new MilestoneView(milestone.id(), milestone.name(), milestone.targetDate(), milestone.achieved(),
						milestone.achievedAt());
		return new ProcessView(head.id(), context.projectKey(), head.name(), head.templateId(), head.templateName(),
				head.startDate(), closing.achieved() ? ProcessStatus.COMPLETED : ProcessStatus.RUNNING, steps, closing,
				head.startedBy(), head.startedAt().toInstant());
	}

	private static String taskState(ProjectPlan.Task task) {
		if (task == null) {
			return "REMOVED";
		}
		return task.actualFinish() != null ? "DONE" : task.actualStart() != null ? "IN_PROGRESS" : "NOT_STARTED";
	}

	private static String approvalState(ApprovalStatus status, boolean waiting) {
		return status == null ? "REMOVED" : waiting ? "WAITING" : status.name();
	}

	/** The keys of every step the step follows, directly or through others, in the template's order. */
	private static List<String> upstream(Step step, List<Step> steps, Map<String, Step> byKey) {
		Set<String> found = new HashSet<>();
		java.util.Deque<String> next = new java.util.ArrayDeque<>(step.after());
		while (!next.isEmpty()) {
			String key = next.poll();
			if (found.add(key)) {
				next.addAll(byKey.get(key).after());
			}
		}
		return steps.stream().map(Step::key).filter(found::contains).toList();
	}

	/** The tasks a final step brings to the milestone: itself if a task, else the tasks it waits on. */
	private static Set<UUID> feedingTasks(Step step, Map<String, Step> byKey, Map<String, UUID> tasks,
			Set<String> seen) {
		Set<UUID> found = new LinkedHashSet<>();
		if (!seen.add(step.key())) {
			return found;
		}
		if (step.kind() == StepKind.TASK) {
			found.add(tasks.get(step.key()));
			return found;
		}
		for (String before : step.after()) {
			found.addAll(feedingTasks(byKey.get(before), byKey, tasks, seen));
		}
		return found;
	}

	private static RuleViolationException nobodyHolds(String field, ProjectRole role, ProjectContext context) {
		return new RuleViolationException(field, "Nobody active holds the role " + role + " in project "
				+ context.projectKey() + " (deactivated people are left out); add a member with that role, or use "
				+ "another template.");
	}

	private static String role(ProjectRole role) {
		return role.name().toLowerCase(Locale.ROOT);
	}

	/** Working days: the project's working weekdays, less its holidays. */
	private record Calendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {

		boolean working(LocalDate date) {
			return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
		}

		LocalDate onOrAfter(LocalDate date) {
			LocalDate day = date;
			for (int i = 0; i < 3660 && !working(day); i++) {
				day = day.plusDays(1);
			}
			return day;
		}

		/** The working day {@code days} working days after {@code from} (itself a working day). */
		LocalDate plus(LocalDate from, int days) {
			LocalDate day = onOrAfter(from);
			for (int left = days; left > 0;) {
				day = day.plusDays(1);
				if (working(day)) {
					left--;
				}
			}
			return day;
		}

	}

}
