package dev.milepost.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes personal API tokens. A token is {@code mp_} and 43 random URL-safe
 * characters; only its SHA-256 hash is kept, so a database leak does not leak tokens.
 */
@Service
public class ApiTokens {

	private static final String PREFIX = "mp_";

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, UserRepository users, ApplicationEventPublisher events, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/** A freshly issued token: the secret is in here and nowhere else. */
	public record IssuedToken(ApiToken token, String secret) {
	}

	@Transactional
	public IssuedToken issue(UUID userId, String username, String name, Integer expiresInDays) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
		ApiToken token = tokens.save(ApiToken.issue(userId, name, hash(secret), secret.substring(0, 8), now, expires));
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "api-token", token.id().toString(), "created",
				Map.of(), Map.of("owner", username, "name", name, "prefix", token.prefix()), username));
		return new IssuedToken(token, secret);
	}

	public List<ApiToken> of(UUID userId) {
		return tokens.findByUserIdOrderByCreatedAtDesc(userId);
	}

	@Transactional
	public void revoke(UUID userId, String username, UUID tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(t -> t.userId().equals(userId))
			.orElseThrow(() -> NotFoundException.of("token", tokenId));
		if (token.revokedAt() == null) {
			token.revoke(clock.instant());
			tokens.save(token);
			events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "api-token", tokenId.toString(), "revoked",
					Map.of("name", token.name(), "revoked", false), Map.of("name", token.name(), "revoked", true),
					username));
		}
	}

	/** The principal a presented secret stands for, if it is a live token of an enabled user. */
	@Transactional
	public Optional<MilepostPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findByTokenHash(hash(secret)).filter(token -> token.usableAt(now)).flatMap(token -> {
			if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
				tokens.touch(token.id(), now);
			}
			return users.findById(token.userId()).filter(User::enabled).map(MilepostPrincipal::of);
		});
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}

}
