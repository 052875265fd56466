package dev.milepost.plan;

import java.util.List;
import java.util.Map;

/** Who is on a project, by username: its manager and sponsor, and its members by role. */
public record ProjectRoster(String projectKey, String manager, String sponsor, Map<ProjectRole, List<String>> members) {

	public ProjectRoster {
		members = Map.copyOf(members);
	}

	public List<String> withRole(ProjectRole role) {
		return members.getOrDefault(role, List.of());
	}

}
