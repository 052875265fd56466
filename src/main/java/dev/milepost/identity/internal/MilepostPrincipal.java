package dev.milepost.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.milepost.identity.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated person, however they signed in (form, Basic or API token). */
public record MilepostPrincipal(UUID id, String username, String displayName, boolean admin, String passwordHash,
		boolean enabled) implements UserDetails {

	public static MilepostPrincipal of(User user) {
		return new MilepostPrincipal(user.id(), user.username(), user.displayName(), user.admin(),
				user.passwordHash(), user.enabled());
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, admin);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return "MilepostPrincipal[" + username + "]";
	}

}
