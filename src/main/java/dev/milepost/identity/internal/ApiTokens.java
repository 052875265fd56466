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
import dev.milepost.common.Rows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.tokens = tokens;
		this.jdbc = jdbc;
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

	/**
	 * The principal a presented secret stands for, if it is a live token of an enabled user: one
	 * query, outside a transaction, as it runs before every API request; the last-used time is
	 * written at most once a minute, as a statement of its own after the read.
	 */
	public Optional<MilepostPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<PresentedToken> presented = jdbc.sql("""
				select t.id, t.expires_at, t.last_used_at, u.id as user_id, u.username, u.display_name, u.admin,
				       u.password_hash
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and u.enabled = true
				""")
			.param("hash", hash(secret))
			.query(Rows.of(PresentedToken.class))
			.optional()
			.filter(token -> token.expiresAt() == null || now.isBefore(token.expiresAt()));
		presented.filter(token -> token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now))
			.ifPresent(token -> tokens.touch(token.id(), now));
		return presented.map(token -> new MilepostPrincipal(token.userId(), token.username(), token.displayName(),
				token.admin(), token.passwordHash(), true));
	}

	private record PresentedToken(UUID id, Instant expiresAt, Instant lastUsedAt, UUID userId, String username,
			String displayName, boolean admin, String passwordHash) {
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
