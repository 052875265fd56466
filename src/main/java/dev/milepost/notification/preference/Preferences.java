package dev.milepost.notification.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.FieldError;
import dev.milepost.common.RuleViolationException;
import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's choice of channels per kind of notification, and whether their e-mails come one
 * by one or as one digest a day. Until a person chooses, everything comes in-app and by e-mail.
 */
@Component
public class Preferences {

	private static final Set<Channel> PERSONAL = EnumSet.of(Channel.IN_APP, Channel.EMAIL);

	private static final TypeReference<Map<NotificationKind, Set<Channel>>> CHANNELS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Preferences(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	public enum Digest {

		/** Each e-mail goes out as it happens. */
		OFF,
		/** A person's e-mails are gathered into one a day. */
		DAILY

	}

	/** A person's choices, with every choosable kind present. */
	public record Choice(Map<NotificationKind, Set<Channel>> channels, Digest emailDigest) {

		static Choice defaults() {
			Map<NotificationKind, Set<Channel>> channels = new EnumMap<>(NotificationKind.class);
			NotificationKind.choosable().forEach(kind -> channels.put(kind, EnumSet.copyOf(PERSONAL)));
			return new Choice(channels, Digest.OFF);
		}

	}

	public Choice of(UUID userId) {
		return jdbc.sql("select channels, email_digest from notification_preference where user_id = :u")
			.param("u", userId)
			.query((rs, n) -> complete(json.readValue(rs.getString(1), CHANNELS), Digest.valueOf(rs.getString(2))))
			.optional()
			.orElseGet(Choice::defaults);
	}

	/**
	 * Replaces a person's choices; kinds left out keep the default (in-app and e-mail). Refuses
	 * the digest as a kind and webhooks as a personal channel, naming the field.
	 */
	@Transactional
	public Choice save(UUID userId, String username, Map<NotificationKind, Set<Channel>> channels, Digest digest) {
		List<FieldError> errors = new ArrayList<>();
		(channels == null ? Map.<NotificationKind, Set<Channel>>of() : channels).forEach((kind, chosen) -> {
			String field = "channels." + kind.name();
			if (kind == NotificationKind.DIGEST) {
				errors.add(new FieldError(field, "The digest is not a kind of notification; choose it with emailDigest."));
			}
			else if (chosen == null) {
				errors.add(new FieldError(field, "must be a list of channels (an empty list turns the kind off)."));
			}
			else if (!PERSONAL.containsAll(chosen)) {
				errors.add(new FieldError(field, "A person is told in-app (IN_APP) or by e-mail (EMAIL); "
						+ "webhooks are registered per project or workspace."));
			}
		});
		if (!errors.isEmpty()) {
			throw new RuleViolationException("Some preferences are invalid: " + String.join("; ",
					errors.stream().map(error -> error.field() + ": " + error.message()).toList()), errors);
		}
		Choice before = of(userId);
		Choice after = complete(channels == null ? Map.of() : channels, digest == null ? Digest.OFF : digest);
		Timestamp now = Timestamp.from(clock.instant());
		String stored = json.writeValueAsString(after.channels());
		int updated = jdbc.sql("""
				update notification_preference set channels = :c, email_digest = :d, updated_at = :now where user_id = :u""")
			.param("c", stored)
			.param("d", after.emailDigest().name())
			.param("now", now)
			.param("u", userId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into notification_preference (user_id, channels, email_digest, updated_at)
					values (:u, :c, :d, :now)""")
				.param("u", userId)
				.param("c", stored)
				.param("d", after.emailDigest().name())
				.param("now", now)
				.update();
		}
		events.publishEvent(new EntityChanged(EntityChanged.WORKSPACE, "notification-preferences", username,
				"updated", view(before), view(after), username));
		return after;
	}

	private static Choice complete(Map<NotificationKind, Set<Channel>> chosen, Digest digest) {
		Choice choice = Choice.defaults();
		chosen.forEach((kind, channels) -> {
			if (kind != NotificationKind.DIGEST && channels != null) {
				choice.channels().put(kind, channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
			}
		});
		return new Choice(choice.channels(), digest);
	}

	private static Map<String, Object> view(Choice choice) {
		Map<String, Object> view = new java.util.LinkedHashMap<>();
		choice.channels().forEach((kind, channels) -> view.put(kind.name(),
				channels.stream().map(Channel::name).sorted().toList()));
		view.put("emailDigest", choice.emailDigest().name());
		return view;
	}

}
