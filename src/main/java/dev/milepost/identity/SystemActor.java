package dev.milepost.identity;

import java.util.UUID;

/**
 * The system actor that automation acts as: a person-shaped account that cannot sign in (it is
 * disabled and has no password), created by migration, left out of the people lists. Changes made
 * by blueprint rules are recorded under its username, so rules keep working when their author
 * leaves and the audit record shows that automation, not a person, made them.
 */
public final class SystemActor {

	/** The account's id, fixed by the migration that creates it. */
	public static final UUID AUTOMATION_ID = UUID.fromString("00000000-0000-0000-0000-00000000a070");

	/** The account's username, as audit entries show it. */
	public static final String AUTOMATION = "automation";

	private SystemActor() {
	}

	/**
	 * The automation account as a caller with workspace rights, for the modules that act on behalf
	 * of rules; the caller decides which actions a rule may take.
	 */
	public static CurrentUser automation() {
		return new CurrentUser(AUTOMATION_ID, AUTOMATION, "Automation", true);
	}

	public static boolean isSystem(UUID userId) {
		return AUTOMATION_ID.equals(userId);
	}

}
