package dev.milepost.notification.web;

import java.util.UUID;

import dev.milepost.common.PageForm;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.notification.inbox.Inbox;
import dev.milepost.notification.outbox.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's in-app notifications, unread first, each linking to the page of what it is about;
 * marking one or all read; and the unread count the bar of every page loads and polls.
 */
@Controller
class InboxPages {

	static final int PAGE_SIZE = 50;

	private final Inbox inbox;

	private final CurrentUsers currentUsers;

	InboxPages(Inbox inbox, CurrentUsers currentUsers) {
		this.inbox = inbox;
		this.currentUsers = currentUsers;
	}

	/**
	 * One notification as the page shows it: the page of its subject, and {@code causedBy}, the
	 * address of the automation run that sent it ("Why?"), when there is one.
	 */
	record Row(Inbox.Item item, String link, String causedBy, boolean unread) {
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(required = false) Integer page, Model model) {
		CurrentUser me = currentUsers.require();
		PageResponse<Inbox.Item> items = inbox.listUnreadFirst(me.id(), Paging.of(page, PAGE_SIZE));
		model.addAttribute("me", me);
		model.addAttribute("page", items);
		model.addAttribute("rows", items.items().stream().map(InboxPages::row).toList());
		model.addAttribute("unread", inbox.unread(me.id()));
		return "notification/inbox";
	}

	/** The bar's count: a small fragment, empty when nothing is unread. */
	@GetMapping("/inbox/unread")
	String unread(Model model) {
		model.addAttribute("unread", inbox.unread(currentUsers.require().id()));
		return "notification/parts :: count";
	}

	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser me = currentUsers.require();
		inbox.markRead(me.id(), id);
		if (!PageForm.fromHtmx(request)) {
			return "redirect:/inbox";
		}
		// the bar's count listens for this and reloads
		response.setHeader("HX-Trigger", "inbox-changed");
		model.addAttribute("row", row(inbox.find(me.id(), id).orElseThrow()));
		return "notification/parts :: item";
	}

	@PostMapping("/inbox/read-all")
	String readAll() {
		inbox.markAllRead(currentUsers.require().id());
		return "redirect:/inbox";
	}

	static Row row(Inbox.Item item) {
		return new Row(item, link(item.subject()), causedBy(item), item.readAt() == null);
	}

	/** Where a person reads what a notification is about: its page, not the API. */
	static String link(Subject subject) {
		if (subject == null || subject.projectKey() == null) {
			return null;
		}
		String project = "/projects/" + subject.projectKey();
		if (subject.type() == null) {
			return project;
		}
		return switch (subject.type()) {
			case "milestone" -> project + "/milestones/" + subject.id();
			case "task" -> project + "/tasks";
			case "approval" -> project + "/approvals";
			case "deliverable" -> project + "/deliverables";
			case "process" -> project + "/processes";
			default -> project;
		};
	}

	/**
	 * The "Why?" link: the page of the automation run behind the notification, for a notification a
	 * blueprint's rule sent (the item's {@code causedBy} names the API's answer; the page shows the same).
	 */
	static String causedBy(Inbox.Item item) {
		return item.causedBy() == null ? null : item.causedBy().replaceFirst("^/api/v1/", "/");
	}

}
