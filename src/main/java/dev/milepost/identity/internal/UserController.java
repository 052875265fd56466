package dev.milepost.identity.internal;

import java.net.URI;

import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.MergePatch;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.PeopleVisibility;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The workspace's people. Everyone signed in looks up the people they may see ({@link PeopleVisibility});
 * only administrators change them.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final Users users;

	private final CurrentUsers currentUsers;

	private final MergePatch mergePatch;

	private final PeopleVisibility visibility;

	UserController(Users users, CurrentUsers currentUsers, MergePatch mergePatch, PeopleVisibility visibility) {
		this.users = users;
		this.currentUsers = currentUsers;
		this.mergePatch = mergePatch;
		this.visibility = visibility;
	}

	@GetMapping
	PageResponse<UserSummary> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		CurrentUser me = currentUsers.require();
		return users.list(q, Paging.of(page, size), visibility.visibleTo(me))
			.map(person -> visibility.shownTo(me, person));
	}

	@PostMapping
	ResponseEntity<UserSummary> create(@Valid @RequestBody NewUser request) {
		CurrentUser admin = requireAdmin();
		UserSummary created = users.create(request, admin.username());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
			.eTag(ETags.of(users.versionOf(created.username())))
			.body(created);
	}

	@GetMapping("/{username}")
	ResponseEntity<UserSummary> read(@PathVariable String username) {
		CurrentUser me = currentUsers.require();
		java.util.Set<java.util.UUID> visible = visibility.visibleTo(me);
		UserSummary user = users.findByUsername(username)
			.filter(person -> visible == null || visible.contains(person.id()))
			.orElseThrow(() -> NotFoundException.of("user", username));
		return ResponseEntity.ok().eTag(ETags.of(users.versionOf(username))).body(visibility.shownTo(me, user));
	}

	@PatchMapping(path = "/{username}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<UserSummary> update(@PathVariable String username,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		CurrentUser admin = requireAdmin();
		Users.UserChanges changes = mergePatch.apply(users.changesOf(username), patch, Users.UserChanges.class);
		UserSummary updated = users.update(username, ifMatch, changes, admin);
		return ResponseEntity.ok().eTag(ETags.of(users.versionOf(username))).body(updated);
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> deactivate(@PathVariable String username) {
		users.deactivate(username, requireAdmin());
		return ResponseEntity.noContent().build();
	}

	private CurrentUser requireAdmin() {
		CurrentUser me = currentUsers.require();
		if (!me.admin()) {
			throw new ForbiddenException("Only workspace administrators may change people.");
		}
		return me;
	}

}
