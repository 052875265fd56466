package dev.milepost.plan.member;

import java.net.URI;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

@RestController
@RequestMapping("/api/v1/projects/{key}/members")
class MemberController {

	private final Members members;

	private final MemberRemoval removal;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	MemberController(Members members, MemberRemoval removal, ProjectAccess access, MergePatch mergePatch) {
		this.members = members;
		this.removal = removal;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	record RoleChange(@NotNull ProjectRole role) {
	}

	@GetMapping
	PageResponse<Members.MemberView> list(@PathVariable String key, @RequestParam(required = false) ProjectRole role,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return members.list(access.read(key), role, q, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<Members.MemberView> add(@PathVariable String key,
			@Valid @RequestBody Members.MemberRequest request) {
		Members.Versioned added = members.add(access.manage(key), request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/members/" + added.member().username()))
			.eTag(ETags.of(added.version()))
			.body(added.member());
	}

	@GetMapping("/{username}")
	ResponseEntity<Members.MemberView> read(@PathVariable String key, @PathVariable String username) {
		Members.Versioned found = members.read(access.read(key), username);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.member());
	}

	@PatchMapping(path = "/{username}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<Members.MemberView> changeRole(@PathVariable String key, @PathVariable String username,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		var context = access.manage(key);
		RoleChange change = mergePatch.apply(new RoleChange(members.read(context, username).member().role()), patch,
				RoleChange.class);
		Members.Versioned updated = members.changeRole(context, username, ifMatch, change.role());
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.member());
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> remove(@PathVariable String key, @PathVariable String username) {
		removal.remove(access.manage(key), username);
		return ResponseEntity.noContent().build();
	}

}
