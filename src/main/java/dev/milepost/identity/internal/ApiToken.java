package dev.milepost.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token. Only its SHA-256 hash is stored; the secret is shown once, when created.
 */
@Table("api_token")
public class ApiToken {

	@Id
	private final UUID id;

	private final UUID userId;

	private final String name;

	private final String tokenHash;

	private final String prefix;

	private final Instant createdAt;

	private final Instant expiresAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	@Version
	private Long version;

	@PersistenceCreator
	ApiToken(UUID id, UUID userId, String name, String tokenHash, String prefix, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Long version) {
		this.id = id;
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.prefix = prefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.lastUsedAt = lastUsedAt;
		this.revokedAt = revokedAt;
		this.version = version;
	}

	static ApiToken issue(UUID userId, String name, String tokenHash, String prefix, Instant now, Instant expiresAt) {
		return new ApiToken(UUID.randomUUID(), userId, name, tokenHash, prefix, now, expiresAt, null, null, null);
	}

	boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public String name() {
		return name;
	}

	public String prefix() {
		return prefix;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Instant lastUsedAt() {
		return lastUsedAt;
	}

	public Instant revokedAt() {
		return revokedAt;
	}

	String tokenHash() {
		return tokenHash;
	}

}
