package dev.milepost.audit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.milepost.audit.AuditScopeAccess;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.PageForm;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit record as pages: administrators read the workspace's and every project's chain at
 * {@code /audit}; a project's record is at {@code /projects/{key}/audit} for whoever the plan's
 * {@link AuditScopeAccess} lets read it. Filters, paging, each entry's changes field by field, and
 * (administrators) checking the chains.
 */
@Controller
class AuditPages {

	static final int PAGE_SIZE = 50;

	private final AuditStore store;

	private final AuditVerifier verifier;

	private final AuditReaders readers;

	private final ObjectProvider<AuditScopeAccess> projects;

	private final CurrentUsers currentUsers;

	private final JsonMapper json;

	AuditPages(AuditStore store, AuditVerifier verifier, AuditReaders readers,
			ObjectProvider<AuditScopeAccess> projects, CurrentUsers currentUsers, JsonMapper json) {
		this.store = store;
		this.verifier = verifier;
		this.readers = readers;
		this.projects = projects;
		this.currentUsers = currentUsers;
		this.json = json;
	}

	/** The filters as typed; dates are whole days in UTC, {@code to} included. */
	record Filters(String scope, String entityType, String actor, String action, String from, String to, String q,
			Integer page) {

		AuditQuery query(String chain, Map<String, String> errors) {
			LocalDate fromDay = day("from", from, errors);
			LocalDate toDay = day("to", to, errors);
			if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
				errors.put("to", "must be on or after the first day");
			}
			return new AuditQuery(chain, PageForm.blankToNull(entityType), null, PageForm.blankToNull(actor),
					PageForm.blankToNull(action), fromDay == null ? null : fromDay.atStartOfDay().toInstant(ZoneOffset.UTC),
					toDay == null ? null : toDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
					PageForm.blankToNull(q));
		}

		private static LocalDate day(String field, String text, Map<String, String> errors) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return SupportedDates.parseDate(text.strip());
			}
			catch (UnsupportedValueException e) {
				errors.put(field, "must be " + SupportedDates.DATE);
				return null;
			}
		}

	}

	/** One field a change touched, its values as JSON text ({@code null} where absent). */
	record Change(String field, String before, String after) {
	}

	record Row(AuditEntryView entry, List<Change> changes) {
	}

	@GetMapping("/audit")
	String workspace(@ModelAttribute Filters filters, Model model) {
		CurrentUser me = currentUsers.require();
		readers.requireAdmin(me, "Only workspace administrators read the whole audit record.");
		// the workspace's chain unless another is chosen; "all" reads every chain together
		String scope = filters.scope() == null || filters.scope().isBlank() ? EntityChanged.WORKSPACE
				: filters.scope().strip();
		model.addAttribute("scopes", store.scopes());
		model.addAttribute("scope", scope);
		return list(model, me, "all".equals(scope) ? null : scope, filters, "/audit");
	}

	@GetMapping("/projects/{key}/audit")
	String project(@PathVariable String key, @ModelAttribute Filters filters, Model model) {
		CurrentUser me = currentUsers.require();
		readers.requireProjectReadable(key, me);
		AuditScopeAccess access = projects.getIfAvailable();
		model.addAttribute("project", Map.of("key", key, "name", access == null ? key : access.projectName(key)));
		model.addAttribute("scope", key);
		return list(model, me, key, filters, "/projects/" + key + "/audit");
	}

	/** Checks the chains (administrators); from htmx only the result, else the page with it. */
	@PostMapping("/audit/verification")
	String verify(@RequestParam(required = false) String scope, Model model, HttpServletRequest request) {
		CurrentUser me = currentUsers.require();
		readers.requireAdmin(me, "Only workspace administrators check the audit record.");
		String chain = scope == null || scope.isBlank() || "all".equals(scope) ? null : scope;
		model.addAttribute("verification", verifier.verify(chain));
		model.addAttribute("verifiedScope", chain);
		if (PageForm.fromHtmx(request)) {
			return "audit/audit :: verification";
		}
		model.addAttribute("scopes", store.scopes());
		model.addAttribute("scope", chain == null ? "all" : chain);
		return list(model, me, chain, new Filters(null, null, null, null, null, null, null, null), "/audit");
	}

	private String list(Model model, CurrentUser me, String chain, Filters filters, String path) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		AuditQuery query = filters.query(chain, errors);
		PageResponse<AuditEntryView> page = errors.isEmpty()
				? store.find(query, Paging.of(Math.max(0, filters.page() == null ? 0 : filters.page()), PAGE_SIZE))
					.map(entry -> AuditEntryView.of(entry, json))
				: PageResponse.of(List.of(), Paging.of(0, PAGE_SIZE), 0);
		model.addAttribute("me", me);
		model.addAttribute("filters", filters);
		model.addAttribute("errors", errors);
		model.addAttribute("entries", page);
		model.addAttribute("rows", page.items().stream().map(entry -> new Row(entry, changes(entry))).toList());
		model.addAttribute("path", path);
		return "audit/audit";
	}

	private static List<Change> changes(AuditEntryView entry) {
		List<Change> changes = new ArrayList<>();
		JsonNode node = entry.changes();
		if (node != null && node.isObject()) {
			node.properties().forEach(field -> changes.add(new Change(field.getKey(), text(field.getValue().get("before")),
					text(field.getValue().get("after")))));
		}
		return changes;
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}

}
