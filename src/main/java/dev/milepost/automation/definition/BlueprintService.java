package dev.milepost.automation.definition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.automation.definition.BlueprintViews.AutomationView;
import dev.milepost.automation.definition.BlueprintViews.BlueprintView;
import dev.milepost.automation.definition.BlueprintViews.DiffLine;
import dev.milepost.automation.definition.BlueprintViews.DiffView;
import dev.milepost.automation.definition.BlueprintViews.Validation;
import dev.milepost.automation.definition.BlueprintViews.VersionSummary;
import dev.milepost.automation.definition.BlueprintViews.VersionView;
import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PayloadTooLargeException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.PlanQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blueprints and their versions: every save is a new version with its author and time, valid or
 * not; only a valid version is ever activated; rolling back activates a copy of an older valid
 * version as a new version. Every change goes on the audit record.
 */
@Service
class BlueprintService {

	private static final Pattern NAME = Pattern.compile("(?m)^blueprint:\\s*['\"]?(.{1,120}?)['\"]?\\s*$");

	private final BlueprintStore store;

	private final PlanQueries plan;

	private final ProjectFactsSource facts;

	private final ApplicationEventPublisher events;

	private final ActiveBlueprints active;

	private final Clock clock;

	BlueprintService(BlueprintStore store, PlanQueries plan, ProjectFactsSource facts,
			ApplicationEventPublisher events, ActiveBlueprints active, Clock clock) {
		this.store = store;
		this.plan = plan;
		this.facts = facts;
		this.events = events;
		this.active = active;
		this.clock = clock;
	}

	// ---- reading -----------------------------------------------------------------------------

	/** A project's own blueprints, then the workspace blueprints it applies; or the workspace's. */
	List<BlueprintView> list(Owner owner) {
		List<StoredBlueprint> all = new java.util.ArrayList<>(store.list(owner.projectId()));
		if (!owner.workspace()) {
			all.addAll(store.applied(owner.projectId()));
		}
		return all.stream().map(this::view).toList();
	}

	BlueprintView read(Owner owner, UUID id) {
		return view(owned(owner, id));
	}

	List<VersionSummary> versions(Owner owner, UUID id) {
		StoredBlueprint blueprint = owned(owner, id);
		return store.versions(id).stream().map(v -> new VersionSummary(v.number(), v.author(), v.createdAt(), v.valid(),
				isActive(blueprint, v.number()), v.note())).toList();
	}

	VersionView version(Owner owner, UUID id, int number) {
		StoredBlueprint blueprint = owned(owner, id);
		StoredVersion version = version(blueprint, number);
		ParsedBlueprint parsed = parse(owner, version.yaml());
		return new VersionView(version.number(), version.author(), version.createdAt(), version.valid(),
				isActive(blueprint, number), version.note(), version.yaml(), parsed.problems(), explanation(parsed));
	}

	DiffView diff(Owner owner, UUID id, int from, int to) {
		StoredBlueprint blueprint = owned(owner, id);
		String before = version(blueprint, from).yaml();
		String after = version(blueprint, to).yaml();
		List<DiffLine> lines = LineDiff.script(before, after).stream()
			.map(l -> new DiffLine(String.valueOf(l.op()), l.text()))
			.toList();
		return new DiffView(from, to, LineDiff.unified(before, after, "version " + from, "version " + to), lines);
	}

	Validation validate(Owner owner, String yaml) {
		return validate(owner, null, yaml);
	}

	/** The problems, explanation and warnings of a draft of a blueprint ({@code editing}; null for a new one). */
	Validation validate(Owner owner, UUID editing, String yaml) {
		ParsedBlueprint parsed = parse(owner, yaml == null ? "" : yaml);
		return new Validation(parsed.valid(), parsed.problems(), explanation(parsed),
				warnings(owner.projectId(), editing, parsed));
	}

	/** The draft's rules that repeat or overlap rules in force in the project ({@link DuplicateRules}). */
	private List<BlueprintViews.RuleWarning> warnings(UUID projectId, UUID editing, ParsedBlueprint parsed) {
		if (projectId == null || !parsed.valid()) {
			return List.of();
		}
		return DuplicateRules.of(parsed.blueprint(), editing, active.inForce(projectId).rules());
	}

	// ---- saving ------------------------------------------------------------------------------

	@Transactional
	BlueprintView create(Owner owner, String yaml, String note, boolean activate) {
		requireSize(yaml);
		ParsedBlueprint parsed = parse(owner, yaml);
		refuseInvalidActivation(parsed, activate);
		Instant now = Instant.now(clock);
		StoredBlueprint blueprint = new StoredBlueprint(UUID.randomUUID(), owner.projectId(), owner.projectKey(),
				name(parsed, yaml), BlueprintStatus.DRAFT, null, 1, 0, owner.actor(), now, now);
		store.insert(blueprint);
		store.insert(new StoredVersion(UUID.randomUUID(), blueprint.id(), 1, yaml, owner.actor(), now, parsed.valid(),
				note));
		if (activate) {
			blueprint = store.update(blueprint.activated(1, parsed.blueprint().name(), now));
		}
		else {
			blueprint = store.find(blueprint.id()).orElseThrow();
		}
		publish(owner, blueprint, "created", Map.of(), audit(blueprint, 1, parsed.valid(), note));
		return view(blueprint);
	}

	/** Saves a new version if the caller's ETag is current. */
	@Transactional
	BlueprintView save(Owner owner, UUID id, String ifMatch, String yaml, String note, boolean activate) {
		StoredBlueprint before = owned(owner, id);
		ETags.requireCurrent(ifMatch, before.version());
		requireSize(yaml);
		ParsedBlueprint parsed = parse(owner, yaml);
		refuseInvalidActivation(parsed, activate);
		Instant now = Instant.now(clock);
		int number = before.latestVersion() + 1;
		store.insert(new StoredVersion(UUID.randomUUID(), id, number, yaml, owner.actor(), now, parsed.valid(), note));
		// a draft takes the name of its latest text; a running blueprint keeps its active version's
		String name = before.status() == BlueprintStatus.DRAFT ? name(parsed, yaml) : before.name();
		StoredBlueprint after = before.saved(number, name, now);
		if (activate) {
			after = after.activated(number, parsed.blueprint().name(), now);
		}
		after = store.update(after);
		publish(owner, after, activate ? "updated and activated" : "updated", audit(before, null, null, null),
				audit(after, number, parsed.valid(), note));
		return view(after);
	}

	@Transactional
	void delete(Owner owner, UUID id) {
		StoredBlueprint blueprint = owned(owner, id);
		store.delete(id);
		publish(owner, blueprint, "deleted", audit(blueprint, null, null, null), Map.of());
	}

	/** Makes a valid version the running one. */
	@Transactional
	BlueprintView activate(Owner owner, UUID id, int number) {
		StoredBlueprint before = owned(owner, id);
		StoredVersion version = version(before, number);
		ParsedBlueprint parsed = requireValid(owner, version);
		StoredBlueprint after = store.update(before.activated(number, parsed.blueprint().name(), Instant.now(clock)));
		publish(owner, after, "activated", audit(before, null, null, null), audit(after, null, null, null));
		return view(after);
	}

	@Transactional
	BlueprintView pause(Owner owner, UUID id) {
		StoredBlueprint before = owned(owner, id);
		StoredBlueprint after = store.update(before.paused(Instant.now(clock)));
		publish(owner, after, "paused", audit(before, null, null, null), audit(after, null, null, null));
		return view(after);
	}

	@Transactional
	BlueprintView resume(Owner owner, UUID id) {
		StoredBlueprint before = owned(owner, id);
		StoredBlueprint after = store.update(before.resumed(Instant.now(clock)));
		publish(owner, after, "resumed", audit(before, null, null, null), audit(after, null, null, null));
		return view(after);
	}

	/** Activates an older valid version, recorded as a new version that copies it. */
	@Transactional
	BlueprintView rollback(Owner owner, UUID id, int number) {
		StoredBlueprint before = owned(owner, id);
		StoredVersion old = version(before, number);
		if (number == before.latestVersion()) {
			throw new ConflictException("version", "Version " + number + " is the latest; roll back to an older one.");
		}
		ParsedBlueprint parsed = requireValid(owner, old);
		Instant now = Instant.now(clock);
		int copy = before.latestVersion() + 1;
		String note = "Rolled back to version " + number;
		store.insert(new StoredVersion(UUID.randomUUID(), id, copy, old.yaml(), owner.actor(), now, true, note));
		StoredBlueprint after = store.update(before.saved(copy, null, now).activated(copy, parsed.blueprint().name(), now));
		publish(owner, after, "rolled back", audit(before, null, null, null), audit(after, copy, true, note));
		return view(after);
	}

	// ---- the project's switch and applied workspace blueprints -------------------------------

	AutomationView automation(Owner owner) {
		return store.automation(owner.projectId())
			.map(s -> new AutomationView(owner.projectKey(), s.paused(), s.changedBy(), s.changedAt()))
			.orElse(new AutomationView(owner.projectKey(), false, null, null));
	}

	@Transactional
	AutomationView switchAutomation(Owner owner, boolean paused) {
		AutomationView before = automation(owner);
		store.saveAutomation(owner.projectId(), owner.projectKey(), paused, owner.actor(), Instant.now(clock));
		AutomationView after = automation(owner);
		if (before.paused() != after.paused()) {
			events.publishEvent(new EntityChanged(owner.scope(), "automation", owner.projectKey(),
					paused ? "paused" : "resumed", Map.of("paused", before.paused()), Map.of("paused", paused),
					owner.actor()));
		}
		return after;
	}

	@Transactional
	BlueprintView apply(Owner project, UUID workspaceBlueprintId) {
		StoredBlueprint blueprint = store.find(workspaceBlueprintId)
			.filter(StoredBlueprint::workspace)
			.orElseThrow(() -> NotFoundException.of("workspace blueprint", workspaceBlueprintId));
		if (store.isApplied(project.projectId(), workspaceBlueprintId)) {
			throw new ConflictException("id", "The project already applies the blueprint " + blueprint.name() + ".");
		}
		store.apply(project.projectId(), project.projectKey(), workspaceBlueprintId, project.actor(),
				Instant.now(clock));
		events.publishEvent(new EntityChanged(project.scope(), "applied blueprint", workspaceBlueprintId.toString(),
				"applied", Map.of(), Map.of("blueprint", blueprint.name(), "id", blueprint.id().toString()),
				project.actor()));
		return view(blueprint);
	}

	@Transactional
	void unapply(Owner project, UUID workspaceBlueprintId) {
		StoredBlueprint blueprint = store.find(workspaceBlueprintId)
			.filter(b -> b.workspace() && store.isApplied(project.projectId(), workspaceBlueprintId))
			.orElseThrow(() -> NotFoundException.of("applied blueprint", workspaceBlueprintId));
		store.unapply(project.projectId(), workspaceBlueprintId);
		events.publishEvent(new EntityChanged(project.scope(), "applied blueprint", workspaceBlueprintId.toString(),
				"removed", Map.of("blueprint", blueprint.name(), "id", blueprint.id().toString()), Map.of(),
				project.actor()));
	}

	// ---- helpers -----------------------------------------------------------------------------

	/** The people and templates a project blueprint is checked against; nothing for the workspace. */
	ProjectFacts facts(Owner owner) {
		return facts.of(owner.projectId());
	}

	ParsedBlueprint parse(Owner owner, String yaml) {
		return BlueprintParser.parse(yaml, facts(owner));
	}

	private StoredBlueprint owned(Owner owner, UUID id) {
		return store.find(id).filter(owner::owns).orElseThrow(() -> NotFoundException.of("blueprint", id));
	}

	private StoredVersion version(StoredBlueprint blueprint, int number) {
		return store.version(blueprint.id(), number)
			.orElseThrow(() -> NotFoundException.of("version", blueprint.name() + " #" + number));
	}

	private ParsedBlueprint requireValid(Owner owner, StoredVersion version) {
		ParsedBlueprint parsed = parse(owner, version.yaml());
		if (!version.valid() || !parsed.valid()) {
			throw new InvalidBlueprintException("Version " + version.number()
					+ " is not valid and cannot run; fix it in a new version first.", parsed.problems());
		}
		return parsed;
	}

	private static void refuseInvalidActivation(ParsedBlueprint parsed, boolean activate) {
		if (activate && !parsed.valid()) {
			throw new InvalidBlueprintException("The blueprint is not valid, so it cannot be activated; nothing was saved.",
					parsed.problems());
		}
	}

	private static void requireSize(String yaml) {
		if (yaml.getBytes(StandardCharsets.UTF_8).length > BlueprintParser.MAX_BYTES) {
			throw new PayloadTooLargeException(BlueprintParser.MAX_BYTES);
		}
		if (yaml.isBlank()) {
			throw new RuleViolationException("yaml", "The blueprint's text is empty.");
		}
	}

	private static String name(ParsedBlueprint parsed, String yaml) {
		if (parsed.valid()) {
			return parsed.blueprint().name();
		}
		Matcher matcher = NAME.matcher(yaml);
		return matcher.find() && !matcher.group(1).isBlank() ? matcher.group(1).strip() : "Untitled blueprint";
	}

	private static boolean isActive(StoredBlueprint blueprint, int number) {
		return blueprint.activeVersion() != null && blueprint.activeVersion() == number;
	}

	private static List<String> explanation(ParsedBlueprint parsed) {
		return parsed.valid() ? Explanations.explain(parsed.blueprint()) : List.of();
	}

	BlueprintView view(StoredBlueprint b) {
		StoredVersion latest = store.version(b.id(), b.latestVersion()).orElseThrow();
		Owner owner = new Owner(b.projectId(), b.projectKey(), null);
		ParsedBlueprint parsed = parse(owner, latest.yaml());
		return new BlueprintView(b.id(), b.workspace() ? "workspace" : "project", b.projectKey(), b.name(), b.status(),
				b.activeVersion(), b.latestVersion(), parsed.valid(), latest.yaml(), parsed.problems(),
				explanation(parsed), warnings(b.projectId(), b.id(), parsed), b.createdBy(), b.createdAt(),
				b.updatedAt(), b.version());
	}

	private void publish(Owner owner, StoredBlueprint blueprint, String action, Map<String, Object> before,
			Map<String, Object> after) {
		events.publishEvent(new EntityChanged(owner.scope(), "blueprint", blueprint.id().toString(), action, before,
				after, owner.actor()));
	}

	private static Map<String, Object> audit(StoredBlueprint b, Integer savedVersion, Boolean valid, String note) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", b.name());
		fields.put("status", b.status().name());
		if (b.activeVersion() != null) {
			fields.put("activeVersion", b.activeVersion());
		}
		fields.put("latestVersion", b.latestVersion());
		if (savedVersion != null) {
			fields.put("savedVersion", savedVersion);
			fields.put("valid", valid);
		}
		if (note != null) {
			fields.put("note", note);
		}
		return fields;
	}

}
