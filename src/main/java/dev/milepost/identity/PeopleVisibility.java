package dev.milepost.identity;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Who may see whom among the workspace's people: an administrator sees everyone with their
 * e-mail; anyone else sees themselves and the people they share a project with, without others'
 * e-mail addresses (nobody lists the whole workspace and its addresses by being signed in). The
 * one rule that the people API and pages ask.
 */
@Component
public class PeopleVisibility {

	private final Colleagues colleagues;

	PeopleVisibility(Colleagues colleagues) {
		this.colleagues = colleagues;
	}

	/** Whom a viewer may see: everyone (null) for an administrator, else themselves and their colleagues. */
	public Set<UUID> visibleTo(CurrentUser viewer) {
		if (viewer.admin()) {
			return null;
		}
		Set<UUID> visible = new java.util.HashSet<>(colleagues.of(viewer.id()));
		visible.add(viewer.id());
		return visible;
	}

	/** The person as this viewer may see them: without the e-mail address unless it is theirs or they administer. */
	public UserSummary shownTo(CurrentUser viewer, UserSummary person) {
		if (viewer.admin() || viewer.id().equals(person.id())) {
			return person;
		}
		return new UserSummary(person.id(), person.username(), person.displayName(), null, person.admin(),
				person.enabled());
	}

}
