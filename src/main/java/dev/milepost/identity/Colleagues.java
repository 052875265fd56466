package dev.milepost.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The people a person works with: those who share at least one project with them. Identity does
 * not know projects; the module that does provides this, and {@link PeopleVisibility} asks it.
 */
public interface Colleagues {

	/** The ids of everyone who shares a project with this person (not the person themselves). */
	Set<UUID> of(UUID personId);

}
