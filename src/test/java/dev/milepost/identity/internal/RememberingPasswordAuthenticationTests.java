package dev.milepost.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.common.EntityChanged;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Basic sign-in pays bcrypt once per person and password, and never trusts a stale memory. */
class RememberingPasswordAuthenticationTests {

	static final String PASSWORD = "correct-horse-battery";

	final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	final AtomicInteger bcryptChecks = new AtomicInteger();

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			bcryptChecks.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}

	};

	final Map<String, MilepostPrincipal> people = new HashMap<>();

	final MovableClock clock = new MovableClock();

	final VerifiedCredentials verified = new VerifiedCredentials(3, Duration.ofMinutes(5), clock);

	final RememberingPasswordAuthentication provider = new RememberingPasswordAuthentication(username -> {
		MilepostPrincipal found = people.get(username);
		if (found == null) {
			throw new UsernameNotFoundException("No such user");
		}
		return found;
	}, counting, verified);

	@Test
	void aRepeatedCorrectPasswordIsCheckedWithBcryptOnlyOnce() {
		person("ana", PASSWORD, true);
		signIn("ana", PASSWORD);
		signIn("ana", PASSWORD);
		signIn("ana", PASSWORD);
		assertThat(bcryptChecks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsNeverRememberedAndAlwaysRefused() {
		person("ben", PASSWORD, true);
		signIn("ben", PASSWORD);
		assertThatThrownBy(() -> signIn("ben", "not-the-password")).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> signIn("ben", "not-the-password")).isInstanceOf(BadCredentialsException.class);
		assertThat(verified.size()).isEqualTo(1);
		assertThat(bcryptChecks).hasValue(3);
	}

	@Test
	void aRememberedPasswordStopsWorkingAsSoonAsThePasswordChanges() {
		person("cara", PASSWORD, true);
		signIn("cara", PASSWORD);
		person("cara", "a-brand-new-password", true);
		assertThatThrownBy(() -> signIn("cara", PASSWORD)).isInstanceOf(BadCredentialsException.class);
		signIn("cara", "a-brand-new-password");
	}

	@Test
	void aRememberedPasswordStopsWorkingAsSoonAsThePersonIsDisabled() {
		MilepostPrincipal dora = person("dora", PASSWORD, true);
		signIn("dora", PASSWORD);
		people.put("dora", new MilepostPrincipal(dora.id(), "dora", "dora", false, dora.passwordHash(), false));
		assertThatThrownBy(() -> signIn("dora", PASSWORD)).isInstanceOf(DisabledException.class);
	}

	@Test
	void aChangeToThePersonForgetsTheirPasswords() {
		person("eve", PASSWORD, true);
		signIn("eve", PASSWORD);
		provider.on(new EntityChanged(EntityChanged.WORKSPACE, "user", "eve", "password-changed", Map.of(), Map.of(),
				"eve"));
		assertThat(verified.size()).isZero();
		signIn("eve", PASSWORD);
		assertThat(bcryptChecks).hasValue(2);
	}

	@Test
	void rememberedPasswordsExpireAndStayWithinTheBound() {
		for (String name : new String[] { "f1", "f2", "f3", "f4", "f5" }) {
			person(name, PASSWORD, true);
			signIn(name, PASSWORD);
		}
		assertThat(verified.size()).isEqualTo(3);
		signIn("f5", PASSWORD);
		assertThat(bcryptChecks).hasValue(5);
		signIn("f1", PASSWORD);
		assertThat(bcryptChecks).as("the oldest went first").hasValue(6);
		clock.move(Duration.ofMinutes(5));
		signIn("f5", PASSWORD);
		assertThat(bcryptChecks).as("expired after its time to live").hasValue(7);
	}

	private MilepostPrincipal person(String username, String password, boolean enabled) {
		MilepostPrincipal person = new MilepostPrincipal(UUID.randomUUID(), username, username, false,
				bcrypt.encode(password), enabled);
		people.put(username, person);
		return person;
	}

	private void signIn(String username, String password) {
		var result = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		assertThat(result.isAuthenticated()).isTrue();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-03-02T09:00:00Z");

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
