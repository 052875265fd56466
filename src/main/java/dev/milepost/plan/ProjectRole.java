package dev.milepost.plan;

/** A person's role in one project, with the rights the product gives it. */
public enum ProjectRole {

	/** Plans the project: tasks, milestones, blueprints, members. */
	MANAGER,
	/** Does the work: updates the progress of their own tasks. */
	MEMBER,
	/** Decides the approvals assigned to them. */
	APPROVER,
	/** Reads everything in the project and changes nothing. */
	STAKEHOLDER

}
