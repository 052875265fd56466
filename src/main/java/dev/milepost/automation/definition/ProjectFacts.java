package dev.milepost.automation.definition;

/**
 * What a project blueprint is checked against when it is saved: who is a member and which process
 * templates exist. {@link #NONE} checks neither (workspace blueprints, where these are checked
 * when a rule runs).
 */
public interface ProjectFacts {

	ProjectFacts NONE = new ProjectFacts() {
		@Override
		public boolean isMember(String username) {
			return true;
		}

		@Override
		public boolean hasTemplate(String template) {
			return true;
		}
	};

	/** Whether the username is a member of the project. */
	boolean isMember(String username);

	/** Whether a process template of that key or id exists for the project (built-ins included). */
	boolean hasTemplate(String template);

}
