package dev.milepost.feed.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Rows;
import dev.milepost.feed.CalendarFeeds;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds kept as a SHA-256 hash of a 32-byte random secret. Reading a feed acts as its
 * person, through the same access check as every page: someone who left the project, or whose
 * account was deactivated, gets a 404 like an unknown secret.
 */
@Service
class CalendarFeedService implements CalendarFeeds {

	private static final int SECRET_BYTES = 32;

	private final JdbcClient jdbc;

	private final Users users;

	private final CurrentUsers currentUsers;

	private final ProjectAccess access;

	private final Forecasts forecasts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CalendarFeedService(JdbcClient jdbc, Users users, CurrentUsers currentUsers, ProjectAccess access,
			Forecasts forecasts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.currentUsers = currentUsers;
		this.access = access;
		this.forecasts = forecasts;
		this.events = events;
		this.clock = clock;
	}

	private record Row(UUID id, UUID projectId, String projectKey, UUID userId, String secretHint,
			Timestamp createdAt, Timestamp lastUsedAt) {

		Feed feed() {
			return new Feed(projectKey, secretHint, createdAt.toInstant(),
					lastUsedAt == null ? null : lastUsedAt.toInstant());
		}

	}

	private static final String COLUMNS = "id, project_id, project_key, user_id, secret_hint, created_at, last_used_at";

	@Override
	public Optional<Feed> of(ProjectContext context) {
		return find(context).map(Row::feed);
	}

	private Optional<Row> find(ProjectContext context) {
		return jdbc.sql("select " + COLUMNS + " from calendar_feed where project_id = :project and user_id = :user")
			.param("project", context.projectId())
			.param("user", context.user().id())
			.query(Rows.of(Row.class))
			.optional();
	}

	@Override
	@Transactional
	public Issued create(ProjectContext context) {
		String secret = newSecret();
		String hint = secret.substring(0, 6);
		Timestamp now = Timestamp.from(clock.instant());
		Optional<Row> existing = find(context);
		UUID id;
		if (existing.isPresent()) {
			id = existing.get().id();
			jdbc.sql("""
					update calendar_feed set secret_hash = :hash, secret_hint = :hint, created_at = :now,
					last_used_at = null where id = :id""")
				.param("hash", hash(secret))
				.param("hint", hint)
				.param("now", now)
				.param("id", id)
				.update();
		}
		else {
			id = UUID.randomUUID();
			jdbc.sql("""
					insert into calendar_feed (id, project_id, project_key, user_id, secret_hash, secret_hint, created_at)
					values (:id, :project, :key, :user, :hash, :hint, :now)""")
				.param("id", id)
				.param("project", context.projectId())
				.param("key", context.projectKey())
				.param("user", context.user().id())
				.param("hash", hash(secret))
				.param("hint", hint)
				.param("now", now)
				.update();
		}
		events.publishEvent(new EntityChanged(context.projectKey(), "calendar-feed", id.toString(),
				existing.isPresent() ? "rotated" : "created", existing.isPresent() ? audit(context, existing.get().secretHint()) : Map.of(),
				audit(context, hint), context.actor()));
		return new Issued(new Feed(context.projectKey(), hint, now.toInstant(), null), secret);
	}

	@Override
	@Transactional
	public void revoke(ProjectContext context) {
		Row row = find(context).orElseThrow(() -> new NotFoundException(
				"You have no calendar feed of project " + context.projectKey() + " to revoke."));
		jdbc.sql("delete from calendar_feed where id = :id").param("id", row.id()).update();
		events.publishEvent(new EntityChanged(context.projectKey(), "calendar-feed", row.id().toString(), "revoked",
				audit(context, row.secretHint()), Map.of(), context.actor()));
	}

	/** The record names whose feed it is and the secret's first characters, never the secret. */
	private static Map<String, Object> audit(ProjectContext context, String hint) {
		return Map.of("owner", context.user().username(), "hint", hint);
	}

	/**
	 * The feed behind a secret, as an iCalendar text with links under {@code baseUrl}; empty for an
	 * unknown or revoked secret, a deactivated person, or one no longer in the project.
	 */
	@Transactional
	public Optional<String> calendar(String secret, String baseUrl) {
		if (secret == null || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<Row> found = jdbc.sql("select " + COLUMNS + " from calendar_feed where secret_hash = :hash")
			.param("hash", hash(secret))
			.query(Rows.of(Row.class))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Row row = found.get();
		Optional<UserSummary> person = users.findById(row.userId()).filter(UserSummary::enabled);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		Optional<ProjectForecast> forecast = currentUsers.runAs(person.get().username(), () -> {
			try {
				ProjectContext context = access.read(row.projectKey());
				return context.projectId().equals(row.projectId()) ? Optional.of(forecasts.stored(context))
						: Optional.<ProjectForecast>empty();
			}
			catch (NotFoundException e) {
				return Optional.<ProjectForecast>empty();
			}
		});
		if (forecast.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		jdbc.sql("update calendar_feed set last_used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", row.id())
			.update();
		return Optional.of(MilestoneCalendar.write(forecast.get(), baseUrl, now));
	}

	private String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}

}
