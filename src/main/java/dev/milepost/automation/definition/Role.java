package dev.milepost.automation.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The people a rule can address by their part in the project or in the triggering thing. */
public enum Role {

	/** The milestone's owner, or a task's assignees. */
	OWNER("owner"),
	MANAGER("manager"),
	/** The project's sponsor. */
	SPONSOR("sponsor"),
	/** The task's assignees, or those of the tasks feeding the milestone. */
	ASSIGNEES("assignees"),
	STAKEHOLDERS("stakeholders"),
	/** Holders of the APPROVER role. */
	APPROVERS("approvers"),
	MEMBERS("members");

	private final String yaml;

	Role(String yaml) {
		this.yaml = yaml;
	}

	/** The role's name as written in YAML. */
	public String yaml() {
		return yaml;
	}

	public static Optional<Role> of(String yaml) {
		return Arrays.stream(values()).filter(r -> r.yaml.equals(yaml)).findFirst();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(Role::yaml).toList();
	}

}
