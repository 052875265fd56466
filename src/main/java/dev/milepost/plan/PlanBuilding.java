package dev.milepost.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.milestone.CriterionKind;
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

	/** The successor starts when the predecessor finishes (FS, no lag). */
	@Transactional
	public void link(ProjectContext context, UUID predecessor, UUID successor) {
		dependencies.create(context, new Dependencies.DependencyRequest(predecessor, successor, LinkType.FS, 0));
	}

}
