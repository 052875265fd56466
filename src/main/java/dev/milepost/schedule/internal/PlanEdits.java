package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.TransactionScoped;
import dev.milepost.plan.PlanVersions;
import dev.milepost.plan.ProjectPlan;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The recent committed plan edits of this instance that a kept plan can take without reading the
 * plan again ({@link PlanCache}): a transaction whose only changes to a project were task updates
 * that kept each task's name and assignees (a duration, progress, a planned start, an estimate)
 * is remembered as an {@link Edit} from the version before it to the one it bumped to. Anything
 * else in the transaction (a task created or deleted, a link, a milestone, the calendar…) leaves
 * no edit, and a cache reads such a plan again. An edit is remembered after its transaction
 * commits, in memory only (nothing touches the database then); the last {@value #KEPT_PER_PROJECT}
 * of a project and the projects edited last ({@value #PROJECTS}) are kept. Edits made on another
 * instance are not here: there the version moved with no edit, and the plan is read again.
 */
@Component
class PlanEdits {

	static final int KEPT_PER_PROJECT = 32;

	static final int PROJECTS = 1000;

	// what the transaction did to each project; an edit is worked out before it commits (when every change is
	// in and PlanVersions knows what it bumped each project to) and remembered once it has committed
	private final TransactionScoped<PendingEdits> pending = new TransactionScoped<>(PendingEdits::new,
			new TransactionScoped.Completion<>() {

				@Override
				public void beforeCommit(PendingEdits edits, boolean readOnly) {
					edits.projects.forEach((key, changes) -> {
						Optional<PlanVersions.Bumped> to = versions.bumpedTo(key);
						if (changes.tasks != null && !changes.tasks.isEmpty() && to.isPresent()) {
							edits.ready.put(to.get().projectId(),
									new Edit(to.get().version() - 1, to.get().version(), Map.copyOf(changes.tasks)));
						}
					});
				}

				@Override
				public void afterCompletion(PendingEdits edits, boolean committed) {
					if (committed) {
						edits.ready.forEach(PlanEdits.this::remember);
					}
				}

			});

	private static final class PendingEdits {

		final Map<String, Pending> projects = new HashMap<>();

		final Map<UUID, Edit> ready = new LinkedHashMap<>();

	}

	/** What scheduling reads of a task, as an edit left it. */
	record TaskFields(int durationDays, int percentComplete, LocalDate plannedStart, LocalDate actualStart,
			LocalDate actualFinish, Integer optimistic, Integer mostLikely, Integer pessimistic) {
	}

	/** One transaction's edits of a project's tasks, from one plan version to the next. */
	record Edit(long from, long to, Map<UUID, TaskFields> tasks) {
	}

	private final PlanVersions versions;

	// by project, the projects edited last at the end
	private final LinkedHashMap<UUID, Deque<Edit>> edits = new LinkedHashMap<>(16, 0.75f, true);

	PlanEdits(PlanVersions versions) {
		this.versions = versions;
	}

	/** One transaction's changes to one project, while it runs: null tasks once one change is no task edit. */
	private static final class Pending {

		Map<UUID, TaskFields> tasks = new HashMap<>();

	}

	@EventListener
	void on(EntityChanged change) {
		PendingEdits edits = EntityChanged.WORKSPACE.equals(change.scope()) ? null : this.pending.current();
		if (edits == null) {
			return; // a workspace change bumps every project: PlanVersions.bumpedTo then says so
		}
		Pending pending = edits.projects.computeIfAbsent(change.scope(), key -> new Pending());
		if (pending.tasks == null) {
			return;
		}
		TaskFields fields = taskEdit(change);
		if (fields == null) {
			pending.tasks = null;
		}
		else {
			pending.tasks.put(UUID.fromString(change.entityId()), fields);
		}
	}

	/** The task's fields after an update that kept its name and assignees; null for any other change. */
	static TaskFields taskEdit(EntityChanged change) {
		if (!change.entityType().equals("task") || !change.action().equals("updated")) {
			return null;
		}
		Map<String, Object> before = change.before();
		Map<String, Object> after = change.after();
		if (!Objects.equals(before.get("name"), after.get("name"))
				|| !Objects.equals(before.get("assignees"), after.get("assignees"))
				|| !Objects.equals(String.valueOf(after.get("id")), change.entityId())) {
			return null;
		}
		try {
			Map<?, ?> estimate = (Map<?, ?>) after.get("estimate");
			return new TaskFields(((Number) after.get("durationDays")).intValue(),
					((Number) after.get("percentComplete")).intValue(), date(after.get("plannedStart")),
					date(after.get("actualStart")), date(after.get("actualFinish")),
					estimate == null ? null : number(estimate.get("optimistic")),
					estimate == null ? null : number(estimate.get("mostLikely")),
					estimate == null ? null : number(estimate.get("pessimistic")));
		}
		catch (RuntimeException unexpected) {
			return null; // not as a task's view reads: no edit, the plan is read again
		}
	}

	private static LocalDate date(Object value) {
		return value == null ? null : value instanceof LocalDate day ? day : LocalDate.parse((String) value);
	}

	private static Integer number(Object value) {
		return value == null ? null : ((Number) value).intValue();
	}

	private synchronized void remember(UUID projectId, Edit edit) {
		Deque<Edit> project = edits.computeIfAbsent(projectId, key -> new ArrayDeque<>());
		project.addLast(edit);
		while (project.size() > KEPT_PER_PROJECT) {
			project.removeFirst();
		}
		if (edits.size() > PROJECTS) {
			edits.remove(edits.keySet().iterator().next());
		}
	}

	/**
	 * The edits that take the project's plan from version {@code from} to {@code to}, in order;
	 * null when this instance did not see every one of them.
	 */
	synchronized List<Edit> between(UUID projectId, long from, long to) {
		Deque<Edit> project = edits.get(projectId);
		if (project == null || from >= to) {
			return null;
		}
		List<Edit> chain = new ArrayList<>();
		long at = from;
		for (Edit edit : project) {
			if (edit.from() == at) {
				chain.add(edit);
				at = edit.to();
			}
		}
		return at == to ? chain : null;
	}

	/** The plan with the edits' task fields; null when a task of theirs is not in it. */
	static ProjectPlan apply(ProjectPlan plan, List<Edit> chain) {
		Map<UUID, TaskFields> changed = new HashMap<>();
		chain.forEach(edit -> changed.putAll(edit.tasks()));
		List<ProjectPlan.Task> tasks = new ArrayList<>(plan.tasks());
		int found = 0;
		for (int i = 0; i < tasks.size(); i++) {
			ProjectPlan.Task task = tasks.get(i);
			TaskFields fields = changed.get(task.id());
			if (fields != null) {
				tasks.set(i, new ProjectPlan.Task(task.id(), task.name(), fields.durationDays(), fields.percentComplete(),
						fields.plannedStart(), fields.actualStart(), fields.actualFinish(), fields.optimistic(),
						fields.mostLikely(), fields.pessimistic(), task.assignees()));
				found++;
			}
		}
		if (found != changed.size()) {
			return null;
		}
		return new ProjectPlan(plan.projectId(), plan.key(), plan.name(), plan.sponsor(), plan.manager(), plan.start(),
				plan.targetFinish(), plan.status(), plan.workingDays(), plan.holidays(), plan.goals(), tasks,
				plan.milestones(), plan.deliverables(), plan.links(), plan.deactivated());
	}

}
