package dev.milepost.identity.internal;

import dev.milepost.common.EntityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username-and-password sign-in (HTTP Basic and the sign-in form) that checks a password with
 * bcrypt once and then, for a short while, recognises the same pair through
 * {@link VerifiedCredentials}. Everything else is Spring Security's: the person is loaded afresh
 * on every request, so a disabled or deactivated person is refused before the password is looked
 * at, and a changed password no longer matches the remembered stored hash.
 */
class RememberingPasswordAuthentication extends DaoAuthenticationProvider {

	private final VerifiedCredentials verified;

	RememberingPasswordAuthentication(UserDetailsService people, PasswordEncoder passwords,
			VerifiedCredentials verified) {
		super(people);
		setPasswordEncoder(passwords);
		this.verified = verified;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails person, UsernamePasswordAuthenticationToken presented) {
		Object credentials = presented.getCredentials();
		String password = credentials == null ? null : credentials.toString();
		if (password != null && person.getPassword() != null
				&& verified.recentlyVerified(person.getUsername(), password, person.getPassword())) {
			return;
		}
		super.additionalAuthenticationChecks(person, presented);
		if (password != null && person.getPassword() != null) {
			verified.verified(person.getUsername(), password, person.getPassword());
		}
	}

	/** A person's password, standing or rights changed: what was remembered for them goes now. */
	@EventListener
	void on(EntityChanged change) {
		if (EntityChanged.WORKSPACE.equals(change.scope()) && change.entityType().equals("user")) {
			verified.forget(change.entityId());
		}
	}

}
