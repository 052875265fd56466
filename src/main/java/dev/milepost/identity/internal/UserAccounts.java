package dev.milepost.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks people up for form and HTTP Basic sign-in. */
@Component
class UserAccounts implements UserDetailsService {

	private final UserRepository users;

	UserAccounts(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(MilepostPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
