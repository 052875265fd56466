package dev.milepost.identity;

import java.util.Optional;
import java.util.function.Supplier;

import dev.milepost.common.NotFoundException;
import dev.milepost.identity.internal.MilepostPrincipal;
import dev.milepost.identity.internal.UserRepository;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Tells who is making the current request; background work acts as {@link #SYSTEM}. */
@Component
public class CurrentUsers {

	/** The actor name recorded for work nobody signed in for (start-up, demo data, automation). */
	public static final String SYSTEM = "system";

	private final UserRepository users;

	CurrentUsers(UserRepository users) {
		this.users = users;
	}

	/**
	 * Runs work on behalf of a person, with exactly their rights, as start-up jobs and imports do
	 * when they act for someone. The caller's own identity is restored afterwards.
	 */
	public <T> T runAs(String username, Supplier<T> work) {
		MilepostPrincipal principal = users.findByUsername(username)
			.map(MilepostPrincipal::of)
			.orElseThrow(() -> NotFoundException.of("user", username));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public Optional<CurrentUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MilepostPrincipal principal) {
			return Optional.of(principal.toCurrentUser());
		}
		return Optional.empty();
	}

	public CurrentUser require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first."));
	}

	/** The name to put on the record for the current change. */
	public String actorName() {
		return find().map(CurrentUser::username).orElse(SYSTEM);
	}

}
