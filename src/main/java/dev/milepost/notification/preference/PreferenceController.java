package dev.milepost.notification.preference;

import java.util.Map;
import java.util.Set;

import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notification preferences: channels per kind, and the daily e-mail digest. */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
class PreferenceController {

	private final Preferences preferences;

	private final CurrentUsers currentUsers;

	PreferenceController(Preferences preferences, CurrentUsers currentUsers) {
		this.preferences = preferences;
		this.currentUsers = currentUsers;
	}

	record PreferencesRequest(Map<NotificationKind, Set<Channel>> channels, Preferences.Digest emailDigest) {
	}

	@GetMapping
	Preferences.Choice get() {
		return preferences.of(currentUsers.require().id());
	}

	@PutMapping
	Preferences.Choice put(@RequestBody PreferencesRequest request) {
		CurrentUser me = currentUsers.require();
		return preferences.save(me.id(), me.username(), request.channels(), request.emailDigest());
	}

}
