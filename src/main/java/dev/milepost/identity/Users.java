package dev.milepost.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.common.ConflictException;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.internal.User;
import dev.milepost.identity.internal.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's people: lookups for every module, changes for administrators. */
@Service
public class Users {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	Users(UserRepository users, PasswordEncoder passwords, ApplicationEventPublisher events, JdbcClient jdbc,
			Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The changes an administrator may make to a person, as a merge patch sees them. */
	public record UserChanges(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(
			max = 200) String displayName, @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(
					max = 320) String email,
			boolean admin, boolean enabled, @jakarta.validation.constraints.Size(min = 10, max = 200,
					message = "must be between 10 and 200 characters") String password) {
	}

	public Optional<UserSummary> findByUsername(String username) {
		return users.findByUsername(username).map(User::summary);
	}

	/**
	 * The person a name from elsewhere (a resource in an imported plan file) stands for: the one with
	 * this e-mail address, else the one with this username or display name; empty when none or
	 * several match. Case does not matter.
	 */
	public Optional<UserSummary> findByEmailOrName(String email, String name) {
		if (email != null && !email.isBlank()) {
			Optional<UserSummary> byEmail = unique("lower(email) = :value", email.strip());
			if (byEmail.isPresent()) {
				return byEmail;
			}
		}
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		Optional<UserSummary> byUsername = unique("lower(username) = :value", name.strip());
		return byUsername.isPresent() ? byUsername : unique("lower(display_name) = :value", name.strip());
	}

	private Optional<UserSummary> unique(String condition, String value) {
		List<UUID> ids = jdbc.sql("select id from app_user where id <> :system and " + condition + " limit 2")
			.param("system", SystemActor.AUTOMATION_ID)
			.param("value", value.toLowerCase(java.util.Locale.ROOT))
			.query(UUID.class)
			.list();
		return ids.size() == 1 ? findById(ids.get(0)) : Optional.empty();
	}

	public Optional<UserSummary> findById(UUID id) {
		return users.findById(id).map(User::summary);
	}

	public Map<UUID, UserSummary> findAllById(Collection<UUID> ids) {
		return users.findAllById(ids).stream().map(User::summary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	/** The person of that username, or a refusal naming the field it came from. */
	public UserSummary require(String field, String username) {
		return findByUsername(username).filter(UserSummary::enabled)
			.orElseThrow(() -> new RuleViolationException(field,
					"No active user '" + username + "' exists; name someone from the workspace's people."));
	}

	/** Whether any person exists (the system actor is not a person). */
	public boolean anyExist() {
		return jdbc.sql("select count(*) from app_user where id <> :system")
			.param("system", SystemActor.AUTOMATION_ID)
			.query(Long.class)
			.single() > 0;
	}

	public long versionOf(String username) {
		return users.findByUsername(username).map(User::version)
			.orElseThrow(() -> NotFoundException.of("user", username));
	}

	public PageResponse<UserSummary> list(String query, Paging paging) {
		return list(query, paging, null);
	}

	/** People matching the query among those given ({@link PeopleVisibility#visibleTo}; null for everyone). */
	public PageResponse<UserSummary> list(String query, Paging paging, Set<UUID> among) {
		String like = query == null || query.isBlank() ? null : "%" + query.toLowerCase(java.util.Locale.ROOT) + "%";
		String where = " where id <> :system"
				+ (like == null ? "" : " and (lower(username) like :q or lower(display_name) like :q)")
				+ (among == null ? "" : " and id in (:among)");
		var countQuery = jdbc.sql("select count(*) from app_user" + where).param("system", SystemActor.AUTOMATION_ID);
		var listQuery = jdbc.sql("select id from app_user" + where + " order by username limit :limit offset :offset")
			.param("system", SystemActor.AUTOMATION_ID)
			.param("limit", paging.size())
			.param("offset", paging.offset());
		if (like != null) {
			countQuery = countQuery.param("q", like);
			listQuery = listQuery.param("q", like);
		}
		if (among != null) {
			countQuery = countQuery.param("among", List.copyOf(among));
			listQuery = listQuery.param("among", List.copyOf(among));
		}
		long total = countQuery.query(Long.class).single();
		List<UUID> ids = listQuery.query(UUID.class).list();
		Map<UUID, UserSummary> found = findAllById(ids);
		return PageResponse.of(ids.stream().map(found::get).toList(), paging, total);
	}

	@Transactional
	public UserSummary create(NewUser request, String actor) {
		if (users.existsByUsername(request.username())) {
			throw new ConflictException("username", "The username '" + request.username() + "' is taken.");
		}
		User user = users.save(User.create(request.username(), request.displayName(), request.email(),
				passwords.encode(request.password()), request.isAdmin(), clock.instant()));
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "user", user.username(), "created", Map.of(),
				user.auditView(), actor));
		return user.summary();
	}

	public UserChanges changesOf(String username) {
		User user = load(username);
		return new UserChanges(user.displayName(), user.email(), user.admin(), user.enabled(), null);
	}

	@Transactional
	public UserSummary update(String username, String ifMatch, UserChanges changes, CurrentUser actor) {
		User user = load(username);
		ETags.requireCurrent(ifMatch, user.version());
		if (user.id().equals(actor.id()) && (!changes.admin() || !changes.enabled())) {
			throw new ForbiddenException("admin",
					"You cannot remove your own administrator rights or deactivate yourself; ask another administrator.");
		}
		Map<String, Object> before = user.auditView();
		user.update(changes.displayName(), changes.email(), changes.admin(), changes.enabled());
		if (changes.password() != null) {
			user.changePassword(passwords.encode(changes.password()));
		}
		user = users.save(user);
		Map<String, Object> after = user.auditView();
		if (changes.password() != null) {
			after = new java.util.LinkedHashMap<>(after);
			after.put("password", "changed");
		}
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "user", username, "updated", before, after,
				actor.username()));
		return user.summary();
	}

	@Transactional
	public void deactivate(String username, CurrentUser actor) {
		User user = load(username);
		if (user.id().equals(actor.id())) {
			throw new ForbiddenException("You cannot deactivate yourself; ask another administrator.");
		}
		Map<String, Object> before = user.auditView();
		user.update(user.displayName(), user.email(), user.admin(), false);
		users.save(user);
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "user", username, "deactivated", before,
				user.auditView(), actor.username()));
	}

	@Transactional
	public void changeOwnPassword(CurrentUser me, String currentPassword, String newPassword) {
		User user = load(me.username());
		if (!passwords.matches(currentPassword, user.passwordHash())) {
			throw new RuleViolationException("currentPassword", "The current password is not right.");
		}
		user.changePassword(passwords.encode(newPassword));
		users.save(user);
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "user", me.username(), "password-changed",
				Map.of(), Map.of(), me.username()));
	}

	/** The system actor is nobody's to change: to the people API it does not exist. */
	private User load(String username) {
		return users.findByUsername(username).filter(user -> !SystemActor.isSystem(user.id())).orElseThrow(() -> NotFoundException.of("user", username));
	}

}
