package dev.milepost.notification.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.preference.Preferences;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's notification preferences as a grid: a checkbox per kind and channel (in-app,
 * e-mail), and whether e-mails come one by one or as a daily digest. Saved through
 * {@link Preferences}, as the API saves them.
 */
@Controller
class PreferencePages {

	static final List<Channel> PERSONAL = List.of(Channel.IN_APP, Channel.EMAIL);

	private final Preferences preferences;

	private final CurrentUsers currentUsers;

	PreferencePages(Preferences preferences, CurrentUsers currentUsers) {
		this.preferences = preferences;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/settings/notifications")
	String preferences(Model model) {
		CurrentUser me = currentUsers.require();
		model.addAttribute("me", me);
		model.addAttribute("choice", preferences.of(me.id()));
		model.addAttribute("kinds", NotificationKind.choosable());
		model.addAttribute("channels", PERSONAL);
		model.addAttribute("digests", Preferences.Digest.values());
		return "notification/preferences";
	}

	/** Each ticked box arrives as {@code KIND:CHANNEL}; a kind with no box ticked is turned off. */
	@PostMapping("/settings/notifications")
	String save(@RequestParam(name = "on", required = false) List<String> ticked,
			@RequestParam(required = false) String emailDigest, RedirectAttributes redirect) {
		CurrentUser me = currentUsers.require();
		Map<NotificationKind, Set<Channel>> channels = new EnumMap<>(NotificationKind.class);
		NotificationKind.choosable().forEach(kind -> channels.put(kind, EnumSet.noneOf(Channel.class)));
		for (String box : ticked == null ? List.<String>of() : ticked) {
			String[] parts = box.split(":", 2);
			NotificationKind kind = parts.length == 2 ? kind(parts[0]) : null;
			Channel channel = parts.length == 2 ? channel(parts[1]) : null;
			if (kind != null && channel != null && channels.containsKey(kind) && PERSONAL.contains(channel)) {
				channels.get(kind).add(channel);
			}
		}
		Preferences.Digest digest = "DAILY".equals(emailDigest) ? Preferences.Digest.DAILY : Preferences.Digest.OFF;
		preferences.save(me.id(), me.username(), channels, digest);
		redirect.addFlashAttribute("saved", "Your notification preferences are saved.");
		return "redirect:/settings/notifications";
	}

	private static NotificationKind kind(String name) {
		return NotificationKind.choosable().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
	}

	private static Channel channel(String name) {
		return PERSONAL.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}

}
