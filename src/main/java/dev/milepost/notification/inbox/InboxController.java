package dev.milepost.notification.inbox;

import java.util.Map;
import java.util.UUID;

import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: newest first, unread ones on their own, marking them read. */
@RestController
@RequestMapping("/api/v1/me/notifications")
class InboxController {

	private final Inbox inbox;

	private final CurrentUsers currentUsers;

	InboxController(Inbox inbox, CurrentUsers currentUsers) {
		this.inbox = inbox;
		this.currentUsers = currentUsers;
	}

	@GetMapping
	PageResponse<Inbox.Item> list(@RequestParam(required = false) Boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return inbox.list(currentUsers.require().id(), Boolean.TRUE.equals(unread), Paging.of(page, size));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount() {
		return Map.of("unread", inbox.unread(currentUsers.require().id()));
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> read(@PathVariable UUID id) {
		inbox.markRead(currentUsers.require().id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", inbox.markAllRead(currentUsers.require().id()));
	}

}
