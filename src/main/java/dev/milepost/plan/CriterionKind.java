package dev.milepost.plan;

/** The binary, checkable test that says a milestone has been reached. */
public enum CriterionKind {

	/** A named person approves. */
	APPROVAL_BY_PERSON("approval by a named person"),
	/** Someone holding a project role approves. */
	APPROVAL_BY_ROLE("approval by a project role"),
	/** Every deliverable that confirms the milestone has been accepted. */
	DELIVERABLE_ACCEPTED("acceptance of its deliverables"),
	/** Every task that feeds the milestone is done. */
	ALL_FEEDING_TASKS_DONE("all feeding tasks done"),
	/** The owner confirms it, with evidence. */
	OWNER_CONFIRMATION("the owner's confirmation with evidence");

	private final String description;

	CriterionKind(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

}
