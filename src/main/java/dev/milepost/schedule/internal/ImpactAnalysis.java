package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.CycleFoundException;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What-if: applies changes to a copy of the plan (a slip, a new duration, an extra link) and
 * reports which milestones and the project finish move, and by how much. Nothing is saved.
 */
final class ImpactAnalysis {

	enum ChangeKind {
		/** The activity starts (or, under way, finishes) {@code days} working days later. */
		SLIP,
		/** The task takes {@code days} working days. */
		DURATION,
		/** A new link from {@code predecessor} to {@code successor}. */
		LINK
	}

	record Change(@NotNull ChangeKind kind, UUID activity, @Min(-3650) @Max(3650) Integer days, UUID predecessor,
			UUID successor, LinkType linkType, @Min(-3650) @Max(3650) Integer lagDays) {
	}

	record Request(@NotEmpty @Size(max = 100) List<@Valid @NotNull Change> changes,
			@SupportedDate LocalDate statusDate) {
	}

	record Movement(UUID id, String name, LocalDate target, LocalDate before, LocalDate after, int workingDays) {
	}

	record Result(LocalDate statusDate, LocalDate finishBefore, LocalDate finishAfter, int finishMovesBy,
			List<Movement> milestones, boolean saved) {
	}

	private ImpactAnalysis() {
	}

	static Result analyse(Schedules.Computed current, Request request) {
		PlanMapping before = current.mapping();
		ProjectPlan plan = withLinks(before.plan(), request.changes(), before);
		PlanMapping after;
		try {
			after = PlanMapping.of(plan, current.statusDate(), current.method());
		}
		catch (CycleFoundException e) {
			throw new RuleViolationException("changes", "The new link would close a cycle; work cannot wait on itself.");
		}
		Schedule base = after.schedule();
		Scenario scenario = after.scenario().copy();
		for (int c = 0; c < request.changes().size(); c++) {
			Change change = request.changes().get(c);
			String field = "changes[" + c + "]";
			switch (change.kind()) {
				case SLIP -> slip(after, base, scenario, change, field);
				case DURATION -> {
					int at = activity(after, change.activity(), field + ".activity");
					if (after.kindOf(at) != ActivityKind.TASK) {
						throw new RuleViolationException(field + ".activity",
								"A milestone has no duration; slip it instead, or change the work that feeds it.");
					}
					if (change.days() == null || change.days() < 1) {
						throw new RuleViolationException(field + ".days", "A task takes at least 1 working day.");
					}
					scenario.duration(at, change.days());
				}
				case LINK -> {
					// applied to the plan above
				}
			}
		}
		Schedule changed = after.schedule(scenario);
		Schedule original = current.schedule();
		List<Movement> moved = new ArrayList<>();
		int tasks = plan.tasks().size();
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			int was = before.indexOf(milestone.id());
			int now = tasks + m;
			int shift = after.reached(changed, now, changed.earlyFinish(now))
					- before.reached(original, was, original.earlyFinish(was));
			if (shift != 0) {
				moved.add(new Movement(milestone.id(), milestone.name(), milestone.targetDate(),
						before.dates(original, was).earlyFinish(), after.dates(changed, now).earlyFinish(), shift));
			}
		}
		LocalDate finishBefore = finishDate(before, original);
		LocalDate finishAfter = finishDate(after, changed);
		return new Result(current.statusDate(), finishBefore, finishAfter, changed.finish() - original.finish(), moved,
				false);
	}

	private static void slip(PlanMapping mapping, Schedule base, Scenario scenario, Change change, String field) {
		int at = activity(mapping, change.activity(), field + ".activity");
		if (change.days() == null) {
			throw new RuleViolationException(field + ".days", "Say by how many working days it slips.");
		}
		if (base.isDone(at)) {
			throw new RuleViolationException(field + ".activity",
					"'" + mapping.nameOf(at) + "' is finished already; it cannot slip.");
		}
		Integer started = scenario.actualStart(at);
		if (started != null && scenario.remaining(at) >= 0) {
			scenario.inProgress(at, started, Math.max(0, scenario.remaining(at) + change.days()));
		}
		else {
			scenario.startNoEarlierThan(at, base.earlyStart(at) + change.days());
		}
	}

	private static ProjectPlan withLinks(ProjectPlan plan, List<Change> changes, PlanMapping mapping) {
		List<ProjectPlan.Link> links = new ArrayList<>(plan.links());
		for (int c = 0; c < changes.size(); c++) {
			Change change = changes.get(c);
			if (change.kind() != ChangeKind.LINK) {
				continue;
			}
			String field = "changes[" + c + "]";
			int from = activity(mapping, change.predecessor(), field + ".predecessor");
			int to = activity(mapping, change.successor(), field + ".successor");
			if (from == to) {
				throw new RuleViolationException(field + ".successor", "An activity cannot depend on itself.");
			}
			links.add(new ProjectPlan.Link(UUID.randomUUID(), change.predecessor(), mapping.kindOf(from),
					change.successor(), mapping.kindOf(to), change.linkType() == null ? LinkType.FS : change.linkType(),
					change.lagDays() == null ? 0 : change.lagDays(), from, to));
		}
		return new ProjectPlan(plan.projectId(), plan.key(), plan.name(), plan.sponsor(), plan.manager(), plan.start(),
				plan.targetFinish(), plan.status(), plan.workingDays(), plan.holidays(), plan.goals(), plan.tasks(),
				plan.milestones(), plan.deliverables(), links);
	}

	private static int activity(PlanMapping mapping, UUID id, String field) {
		if (id == null) {
			throw new RuleViolationException(field, "Name the task or milestone.");
		}
		try {
			return mapping.indexOf(id);
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException(field, "No task or milestone " + id + " in this project.");
		}
	}

	private static LocalDate finishDate(PlanMapping mapping, Schedule schedule) {
		return schedule.finish() == 0 ? mapping.plan().start() : mapping.calendar().finishDate(schedule.finish());
	}

}
