package dev.milepost;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.identity.internal.ApiTokens;
import org.springframework.stereotype.Component;

/**
 * Test fixture: makes people with unique usernames and a personal API token each, so tests can
 * call the API as them without paying for a password hash on every request.
 */
@Component
public class People {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final Users users;

	private final ApiTokens tokens;

	People(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	public record Person(UUID id, String username, String token) {
	}

	public Person person(String name) {
		return create(name, false);
	}

	public Person admin(String name) {
		return create(name, true);
	}

	private Person create(String name, boolean admin) {
		String username = name.toLowerCase() + "-" + COUNTER.incrementAndGet() + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		UserSummary user = users.create(new NewUser(username, name, username + "@example.com", PASSWORD, admin),
				CurrentUsers.SYSTEM);
		String token = tokens.issue(user.id(), username, "tests", null).secret();
		return new Person(user.id(), username, token);
	}

}
