package dev.milepost.identity;

import java.util.Optional;

import dev.milepost.identity.internal.MilepostPrincipal;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Tells who is making the current request; background work acts as {@link #SYSTEM}. */
@Component
public class CurrentUsers {

	/** The actor name recorded for work nobody signed in for (start-up, demo data, automation). */
	public static final String SYSTEM = "system";

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
