package dev.milepost.audit.internal;

import java.time.Instant;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Reading the audit record, and checking that nobody has altered it. */
@RestController
@RequestMapping("/api/v1")
class AuditController {

	private final AuditStore store;

	private final AuditVerifier verifier;

	private final AuditReaders readers;

	private final CurrentUsers currentUsers;

	private final JsonMapper json;

	AuditController(AuditStore store, AuditVerifier verifier, AuditReaders readers, CurrentUsers currentUsers,
			JsonMapper json) {
		this.store = store;
		this.verifier = verifier;
		this.readers = readers;
		this.currentUsers = currentUsers;
		this.json = json;
	}

	@GetMapping("/projects/{key}/audit")
	PageResponse<AuditEntryView> project(@PathVariable String key, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		readers.requireProjectReadable(key, currentUsers.require());
		return list(new AuditQuery(key, entityType, entityId, actor, action, from, to), page, size);
	}

	@GetMapping("/audit")
	PageResponse<AuditEntryView> workspace(@RequestParam(defaultValue = EntityChanged.WORKSPACE) String scope,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		readers.requireAdmin(currentUsers.require(),
				"Only workspace administrators may read the workspace's audit record.");
		if (!EntityChanged.WORKSPACE.equals(scope)) {
			throw new BadRequestException("scope", "Only scope=" + EntityChanged.WORKSPACE
					+ " is listed here; read a project's record at /api/v1/projects/{key}/audit.");
		}
		return list(new AuditQuery(scope, entityType, entityId, actor, action, from, to), page, size);
	}

	/** Checks every chain, or only {@code scope}'s; a broken chain is a finding, so still a 200. */
	@PostMapping("/audit/verification")
	Verification verify(@RequestParam(required = false) String scope) {
		readers.requireAdmin(currentUsers.require(), "Only workspace administrators may verify the audit record.");
		return verifier.verify(scope);
	}

	private PageResponse<AuditEntryView> list(AuditQuery query, Integer page, Integer size) {
		if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
			throw new BadRequestException("to", "'to' must be after 'from'.");
		}
		return store.find(query, Paging.of(page, size)).map(entry -> AuditEntryView.of(entry, json));
	}

}
