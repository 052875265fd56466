package dev.milepost.web;

import dev.milepost.feed.CalendarFeeds;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The overview's calendar-feed buttons: make (or renew) and revoke the signed-in person's own
 * feed. The new URL is shown once, on the page the form returns to, and never stored in clear.
 */
@Controller
class CalendarFeedPage {

	private final ProjectAccess access;

	private final CalendarFeeds feeds;

	CalendarFeedPage(ProjectAccess access, CalendarFeeds feeds) {
		this.access = access;
		this.feeds = feeds;
	}

	@PostMapping("/projects/{key}/calendar-feed")
	String create(@PathVariable String key, RedirectAttributes redirect) {
		ProjectContext context = access.read(key);
		CalendarFeeds.Issued issued = feeds.create(context);
		redirect.addFlashAttribute("feedUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath().path(issued.path()).toUriString());
		return "redirect:/projects/" + context.projectKey() + "#calendar-feed";
	}

	@PostMapping("/projects/{key}/calendar-feed/revoke")
	String revoke(@PathVariable String key, RedirectAttributes redirect) {
		ProjectContext context = access.read(key);
		feeds.revoke(context);
		redirect.addFlashAttribute("feedRevoked", true);
		return "redirect:/projects/" + context.projectKey() + "#calendar-feed";
	}

}
