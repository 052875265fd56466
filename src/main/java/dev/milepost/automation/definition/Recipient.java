package dev.milepost.automation.definition;

import java.util.Objects;

/** Someone an action addresses: a {@link Role} or one person ({@code @username} in YAML). */
public sealed interface Recipient {

	/** As written in YAML: the role's name or {@code @username}. */
	String yaml();

	record OfRole(Role role) implements Recipient {
		public OfRole {
			Objects.requireNonNull(role, "role");
		}

		public String yaml() {
			return role.yaml();
		}
	}

	record Person(String username) implements Recipient {
		public Person {
			Objects.requireNonNull(username, "username");
		}

		public String yaml() {
			return "@" + username;
		}
	}

}
