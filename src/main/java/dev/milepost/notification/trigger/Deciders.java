package dev.milepost.notification.trigger;

import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.ProjectRoster;

/** Turns an approval's deciders (usernames, or {@code role:NAME}) into the people to tell. */
final class Deciders {

	private static final String ROLE = "role:";

	private Deciders() {
	}

	static List<String> people(List<String> deciders, ProjectRoster roster) {
		List<String> people = new ArrayList<>();
		for (String decider : deciders) {
			if (!decider.startsWith(ROLE)) {
				people.add(decider);
			}
			else if (roster != null) {
				people.addAll(roster.withRole(ProjectRole.valueOf(decider.substring(ROLE.length()))));
			}
		}
		return people;
	}

}
