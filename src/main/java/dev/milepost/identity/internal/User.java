package dev.milepost.identity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.identity.UserSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who can sign in. The password is only ever held as a one-way hash. */
@Table("app_user")
public class User {

	@Id
	private final UUID id;

	private final String username;

	private String displayName;

	private String email;

	private String passwordHash;

	private boolean admin;

	private boolean enabled;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	User(UUID id, String username, String displayName, String email, String passwordHash, boolean admin,
			boolean enabled, Instant createdAt, Long version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.admin = admin;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.version = version;
	}

	public static User create(String username, String displayName, String email, String passwordHash, boolean admin,
			Instant now) {
		return new User(UUID.randomUUID(), username, displayName, email, passwordHash, admin, true, now, null);
	}

	public void update(String displayName, String email, boolean admin, boolean enabled) {
		this.displayName = displayName;
		this.email = email;
		this.admin = admin;
		this.enabled = enabled;
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/** Optimistic locking: the save fails if the stored version is no longer this one. */
	public void expectVersion(long version) {
		this.version = version;
	}

	public UserSummary summary() {
		return new UserSummary(id, username, displayName, email, admin, enabled);
	}

	/** Fields as they go on the audit record; never the password hash. */
	public Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("username", username);
		view.put("displayName", displayName);
		view.put("email", email);
		view.put("admin", admin);
		view.put("enabled", enabled);
		return view;
	}

	public UUID id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public String email() {
		return email;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public boolean admin() {
		return admin;
	}

	public boolean enabled() {
		return enabled;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
