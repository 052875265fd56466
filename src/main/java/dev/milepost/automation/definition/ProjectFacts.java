package dev.milepost.automation.definition;

import java.net.URI;
import java.util.Optional;

/**
 * What a project blueprint is checked against when it is saved: who is a member, which process
 * templates exist and which addresses it may call. {@link #NONE} checks none of them (reading a
 * blueprint to explain it); a workspace blueprint is checked for its addresses only, its people and
 * templates when a rule runs.
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

	/**
	 * Why a rule may not call this address, looked at as written (the runtime checks again, names
	 * resolved, before each call); empty when it may, and always for {@link #NONE}.
	 */
	default Optional<String> addressRefusal(URI address) {
		return Optional.empty();
	}

}
