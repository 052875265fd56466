package dev.milepost.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds tasks, milestones and finish-to-start links to a plan for other modules (processes), through
 * the same services and rules as the API. The caller checks who may plan.
 */
@Service
public class PlanBuilding {

	private final Tasks tasks;

	private final Milestones milestones;

	private final Dependencies dependencies;

	PlanBuilding(Tasks tasks, Milestones milestones, Dependencies dependencies) {
		this.tasks = tasks;
		this.milestones = milestones;
		this.dependencies = dependencies;
	}

	@Transactional
	public UUID addTask(ProjectContext context, String name, String description, int durationDays,
			List<String> assignees, LocalDate plannedStart) {
		return tasks.create(context, new TaskRequest(name, description, durationDays, null, assignees, 0,
				plannedStart, null, null, null)).task().id();
	}

	/**
	 * A milestone whose criterion is one of the plan's criterion kinds by name, with the role for
	 * an approval by role.
	 */
	@Transactional
	public UUID addMilestone(ProjectContext context, String name, String description, LocalDate targetDate,
			String owner, String criterionKind, String criterionText, ProjectRole role) {
		return milestones.create(context, new MilestoneRequest(name, description, targetDate, owner,
				new MilestoneRequest.CriterionRequest(CriterionKind.valueOf(criterionKind), criterionText, null, role),
				List.of(), null, null, null)).milestone().id();
	}

	/** Replaces a task's description (4,000 characters at most), as its manager would. */
	@Transactional
	public void setTaskDescription(ProjectContext context, UUID taskId, String description) {
		String text = limited("task.description", description, 4000);
		TaskRequest current = tasks.requestOf(context, taskId);
		tasks.update(context, taskId, ETags.of(tasks.read(context, taskId).version()), new TaskRequest(current.name(), text, current.durationDays(),
				current.effortHours(), current.assignees(), current.percentComplete(), current.plannedStart(),
				current.actualStart(), current.actualFinish(), current.estimate()));
	}

	/** Replaces a milestone's description (4,000 characters at most). */
	@Transactional
	public void setMilestoneDescription(ProjectContext context, UUID milestoneId, String description) {
		String text = limited("milestone.description", description, 4000);
		MilestoneRequest current = milestones.requestOf(context, milestoneId);
		milestones.update(context, milestoneId, ETags.of(milestones.read(context, milestoneId).version()),
				new MilestoneRequest(current.name(), text, current.targetDate(),
				current.owner(), current.criterion(), current.tags(), null, null, null));
	}

	/**
	 * Replaces a milestone's tags (up to 10 lower-case words joined by '-'); refused with the reason
	 * otherwise.
	 */
	@Transactional
	public void setMilestoneTags(ProjectContext context, UUID milestoneId, List<String> tags) {
		List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(tags));
		if (distinct.size() > 10) {
			throw new dev.milepost.common.RuleViolationException("milestone.tags", "A milestone has at most 10 tags.");
		}
		for (String tag : distinct) {
			if (tag == null || !tag.matches("[a-z0-9][a-z0-9-]{0,39}")) {
				throw new dev.milepost.common.RuleViolationException("milestone.tags",
						"'" + tag + "' is not a tag: tags are lower-case words joined by '-', up to 40 characters.");
			}
		}
		MilestoneRequest current = milestones.requestOf(context, milestoneId);
		milestones.update(context, milestoneId, ETags.of(milestones.read(context, milestoneId).version()),
				new MilestoneRequest(current.name(), current.description(),
				current.targetDate(), current.owner(), current.criterion(), distinct, null, null, null));
	}

	private static String limited(String field, String text, int max) {
		if (text != null && text.length() > max) {
			throw new dev.milepost.common.RuleViolationException(field,
					"At most " + max + " characters; this text has " + text.length() + ".");
		}
		return text;
	}

	/** The successor starts when the predecessor finishes (FS, no lag). */
	@Transactional
	public void link(ProjectContext context, UUID predecessor, UUID successor) {
		dependencies.create(context, new Dependencies.DependencyRequest(predecessor, successor, LinkType.FS, 0));
	}

}
