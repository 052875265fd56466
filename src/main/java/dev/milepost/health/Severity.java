package dev.milepost.health;

/** How much a finding matters. Declared worst first, so the natural order puts problems on top. */
public enum Severity {

	/** The plan cannot work as written: a milestone that can never be achieved, nobody answering for it, a quarter without a marker. */
	PROBLEM,
	/** The plan works but weakens what milestones are for: visibility, accountability, early warning. */
	WARNING,
	/** Worth a look; often fine when there is a reason. */
	INFO

}
