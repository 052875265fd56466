package dev.milepost.plan.change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.ETags;
import dev.milepost.common.FieldError;
import dev.milepost.common.JsonProblems;
import dev.milepost.common.MergePatch;
import dev.milepost.common.MilepostException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PreconditionRequiredException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.change.PlanChangesRequest.Action;
import dev.milepost.plan.change.PlanChangesRequest.ItemType;
import dev.milepost.plan.change.PlanChangesRequest.Operation;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.dependency.LinkGraph;
import dev.milepost.plan.milestone.Milestone;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.support.Activities;
import dev.milepost.plan.support.Activities.ActivityRef;
import dev.milepost.plan.support.Participants;
import dev.milepost.plan.support.PlanEvents;
import dev.milepost.plan.task.Task;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.Tasks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a list of plan changes in one transaction, all or nothing, under the rules of the single
 * endpoints: each item is checked by the same service, policy and aggregate a single request goes
 * through ({@link Tasks#draft}, {@link Milestones#draft}, {@link Dependencies#draft}, and for
 * updates and deletes the single operations themselves). What differs is only what a list makes
 * cheaper: the project's members and links are read once, the cycle check runs once over the
 * final graph, new items are stored in batches, and the whole change is one entry on the record,
 * so the milestone statuses are recomputed and pages told once.
 */
@Service
public class PlanChanges {

	/** More operations than this in one request are refused; split them over several. */
	public static final int MAX_OPERATIONS = 50_000;

	private static final int MAX_ERRORS = 200;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlanChanges.class);

	private final ProjectAccess access;

	private final Tasks tasks;

	private final Milestones milestones;

	private final Dependencies dependencies;

	private final Activities activities;

	private final Participants participants;

	private final PlanEvents events;

	private final MergePatch mergePatch;

	private final JsonMapper mapper;

	PlanChanges(ProjectAccess access, Tasks tasks, Milestones milestones, Dependencies dependencies,
			Activities activities, Participants participants, PlanEvents events, MergePatch mergePatch,
			JsonMapper mapper) {
		this.access = access;
		this.tasks = tasks;
		this.milestones = milestones;
		this.dependencies = dependencies;
		this.activities = activities;
		this.participants = participants;
		this.events = events;
		this.mergePatch = mergePatch;
		this.mapper = mapper;
	}

	@Transactional
	public PlanChangesResult apply(ProjectContext context, PlanChangesRequest request) {
		List<Operation> operations = request == null ? null : request.operations();
		if (operations == null || operations.isEmpty()) {
			throw new RuleViolationException("operations", "Send at least one operation.");
		}
		if (operations.size() > MAX_OPERATIONS) {
			throw new RuleViolationException("operations", "At most " + MAX_OPERATIONS
					+ " operations go in one request (this one has " + operations.size() + "); split them.");
		}
		long started = System.nanoTime();
		// links added here and by others at the same time could together close a cycle
		access.lock(context);
		Run run = new Run(context, operations.size());
		for (int i = 0; i < operations.size(); i++) {
			Operation operation = operations.get(i);
			try {
				run.check(i, operation);
			}
			catch (MilepostException refused) {
				run.refuse(i, refused);
				if (operation != null && operation.op() == Action.CREATE && operation.ref() != null) {
					run.refusedRefs.put(operation.ref(), i);
				}
			}
		}
		dependencies.refuseCycles(run.graph, run.activities).ifPresent(cycle -> run.refuse(cycle.getKey(),
				prefixed("value.", cycle.getValue())));
		long checked = System.nanoTime();
		if (run.errors.isEmpty()) {
			tasks.insertAll(run.newTasks);
			milestones.insertAll(run.newMilestones);
			dependencies.insertAll(run.newLinks);
		}
		long stored = System.nanoTime();
		int updated = 0;
		int deleted = 0;
		for (Later later : run.later) {
			if (!run.errors.isEmpty() && later.created()) {
				continue;
			}
			try {
				try {
					later.action().run();
				}
				catch (MilepostException e) {
					throw e.fieldErrors().isEmpty() ? e : prefixed("value.", e);
				}
				if (later.operation().op() == Action.UPDATE) {
					updated++;
				}
				else {
					deleted++;
				}
			}
			catch (MilepostException refused) {
				run.refuse(later.index(), refused);
			}
		}
		if (!run.errors.isEmpty()) {
			throw run.refusal();
		}
		long ran = System.nanoTime();
		if (!run.created.isEmpty()) {
			events.changed(context, "plan", context.projectKey(), "bulk-changed", null,
					Map.of("operations", operations.size(), "created", run.createdRecord(), "updated", updated,
							"deleted", deleted));
		}
		long recorded = System.nanoTime();
		log.info("Applied {} plan changes to {} in {} ms (before commit; checks {} ms, inserts {} ms, updates and "
				+ "deletes {} ms, record {} ms): {} created, {} updated, {} deleted", operations.size(),
				context.projectKey(), millis(started, recorded), millis(started, checked), millis(checked, stored),
				millis(stored, ran), millis(ran, recorded), run.created.size(), updated, deleted);
		return new PlanChangesResult(operations.size(), run.created, updated, deleted);
	}

	/** An update or delete, resolved to its item and run by the single operation after the new items are stored. */
	private record Later(int index, Operation operation, UUID id, boolean created, Runnable action) {
	}

	private record Made(int index, ItemType type, UUID id, String name) {
	}

	/** The state of one bulk change while its operations are checked. */
	private final class Run {

		final ProjectContext context;

		final int size;

		final Participants.Members members;

		final Map<UUID, ActivityRef> activities;

		final LinkGraph graph;

		final Map<String, Made> refs = new HashMap<>();

		final Map<String, Integer> refusedRefs = new HashMap<>();

		final List<Task> newTasks = new ArrayList<>();

		final List<Milestone> newMilestones = new ArrayList<>();

		final List<Dependencies.Draft> newLinks = new ArrayList<>();

		final List<PlanChangesResult.Created> created = new ArrayList<>();

		final List<Made> made = new ArrayList<>();

		final List<Later> later = new ArrayList<>();

		final List<FieldError> errors = new ArrayList<>();

		final Map<Integer, HttpStatus> statuses = new LinkedHashMap<>();

		Run(ProjectContext context, int size) {
			this.context = context;
			this.size = size;
			this.members = participants.roster(context);
			this.activities = PlanChanges.this.activities.all(context.projectId());
			this.graph = dependencies.graph(context);
		}

		void check(int i, Operation operation) {
			if (operation == null || operation.op() == null || operation.type() == null) {
				throw new BadRequestException("op", "Each operation needs 'op' (create, update or delete) and 'type' "
						+ "(task, milestone or dependency).");
			}
			switch (operation.op()) {
				case CREATE -> create(i, operation);
				case UPDATE, DELETE -> later(i, operation);
			}
		}

		private void create(int i, Operation operation) {
			access.requireManager(context);
			String ref = operation.ref();
			if (ref != null && (ref.isBlank() || ref.length() > 100)) {
				throw new BadRequestException("ref", "A ref is 1 to 100 characters.");
			}
			if (ref != null && (refs.containsKey(ref) || refusedRefs.containsKey(ref))) {
				throw new RuleViolationException("ref", "The ref '" + ref + "' is used by operation "
						+ (refs.containsKey(ref) ? refs.get(ref).index() : refusedRefs.get(ref))
						+ " already; give each new item its own.");
			}
			if (operation.id() != null || operation.version() != null || operation.removeLinks() != null) {
				throw new BadRequestException("id", "A create takes a ref and a value, not an id, version or removeLinks.");
			}
			Made item;
			try {
				item = made(i, operation);
			}
			catch (MilepostException e) {
				throw prefixed("value.", e);
			}
			made.add(item);
			if (ref != null) {
				refs.put(ref, item);
			}
			created.add(new PlanChangesResult.Created(i, operation.type().label(), ref, item.id()));
		}

		private Made made(int i, Operation operation) {
			return switch (operation.type()) {
				case TASK -> {
					Task task = tasks.draft(context, read(operation.value(), TaskRequest.class), members);
					newTasks.add(task);
					activities.put(task.id(), new ActivityRef(task.id(), ActivityKind.TASK, task.name()));
					yield new Made(i, ItemType.TASK, task.id(), task.name());
				}
				case MILESTONE -> {
					Milestone milestone = milestones.draft(context, read(operation.value(), MilestoneRequest.class),
							members);
					newMilestones.add(milestone);
					activities.put(milestone.id(),
							new ActivityRef(milestone.id(), ActivityKind.MILESTONE, milestone.name()));
					yield new Made(i, ItemType.MILESTONE, milestone.id(), milestone.name());
				}
				case DEPENDENCY -> {
					LinkValue value = read(operation.value(), LinkValue.class);
					ActivityRef predecessor = end("predecessor", value.predecessor());
					ActivityRef successor = end("successor", value.successor());
					Dependencies.DependencyRequest link = new Dependencies.DependencyRequest(predecessor.id(),
							successor.id(), value.type(), value.lagDays());
					mergePatch.validate(link);
					Dependencies.Draft draft = dependencies.draft(context, link, predecessor, successor, graph, i);
					newLinks.add(draft);
					yield new Made(i, ItemType.DEPENDENCY, draft.id(), predecessor.name() + " → " + successor.name());
				}
			};
		}

		/** Finds the item an update or delete is about now; the single operation runs once the new items are stored. */
		private void later(int i, Operation operation) {
			if (operation.ref() != null) {
				throw new BadRequestException("ref", "Name the item to " + operation.op().label()
						+ " in 'id' (its id, or {\"ref\": \"…\"} for one created earlier in this list).");
			}
			Made made = null;
			UUID id;
			if (operation.id() != null && operation.id().isObject()) {
				made = referenced("id", operation.id());
				if (made.type() != operation.type()) {
					throw new RuleViolationException("id", "'" + operation.id().get("ref").asString() + "' is a "
							+ made.type().label() + ", not a " + operation.type().label() + ".");
				}
				id = made.id();
			}
			else {
				id = uuid("id", operation.id());
				boolean known = operation.type() == ItemType.DEPENDENCY ? graph.hasLink(id)
						: activities.containsKey(id) && activities.get(id).kind() == (operation.type() == ItemType.TASK
								? ActivityKind.TASK : ActivityKind.MILESTONE);
				if (!known) {
					throw NotFoundException.of(operation.type().label(), id);
				}
			}
			boolean created = made != null;
			if (operation.op() == Action.UPDATE && !created && operation.version() == null) {
				throw new PreconditionRequiredException("Send 'version', the number in the ETag from your last read "
						+ "of this " + operation.type().label() + ", so a concurrent change is not overwritten.");
			}
			String ifMatch = operation.version() == null ? null : ETags.of(operation.version());
			Runnable action = switch (operation.op()) {
				case UPDATE -> update(operation, id, created, ifMatch);
				case DELETE -> delete(operation, id);
				case CREATE -> throw new IllegalStateException();
			};
			later.add(new Later(i, operation, id, created, action));
		}

		private Runnable update(Operation operation, UUID id, boolean created, String ifMatch) {
			if (operation.value() == null || !operation.value().isObject()) {
				throw new BadRequestException("value", "An update's value is a JSON merge patch: an object of the fields to change.");
			}
			JsonNode patch = operation.value();
			if (operation.type() != ItemType.TASK) {
				access.requireManager(context);
			}
			// a stored item needs the version its client read (If-Match); one made in this list is the client's own
			return switch (operation.type()) {
				case TASK -> () -> {
					tasks.requireMayEdit(context, id);
					TaskRequest changed = mergePatch.apply(tasks.requestOf(context, id), patch, TaskRequest.class);
					tasks.update(context, id, created ? ETags.of(tasks.read(context, id).version()) : ifMatch,
							changed);
				};
				case MILESTONE -> () -> {
					MilestoneRequest changed = mergePatch.apply(milestones.requestOf(context, id), patch,
							MilestoneRequest.class);
					milestones.update(context, id,
							created ? ETags.of(milestones.read(context, id).version()) : ifMatch, changed);
				};
				case DEPENDENCY -> () -> {
					Dependencies.DependencyRequest changed = mergePatch.apply(dependencies.requestOf(context, id),
							patch, Dependencies.DependencyRequest.class);
					dependencies.update(context, id,
							created ? ETags.of(dependencies.read(context, id).version()) : ifMatch, changed);
				};
			};
		}

		private Runnable delete(Operation operation, UUID id) {
			access.requireManager(context);
			if (operation.value() != null || operation.version() != null) {
				throw new BadRequestException("value", "A delete takes an id and removeLinks, nothing else.");
			}
			boolean removeLinks = Boolean.TRUE.equals(operation.removeLinks());
			switch (operation.type()) {
				case DEPENDENCY -> graph.removeLink(id);
				case TASK, MILESTONE -> {
					if (removeLinks) {
						graph.removeTouching(id);
					}
					// later operations cannot link to it any more
					activities.remove(id);
				}
			}
			return switch (operation.type()) {
				case TASK -> () -> tasks.delete(context, id, removeLinks);
				case MILESTONE -> () -> milestones.delete(context, id, removeLinks);
				case DEPENDENCY -> () -> dependencies.delete(context, id);
			};
		}

		private ActivityRef end(String field, JsonNode end) {
			if (end != null && end.isObject()) {
				Made made = referenced(field, end);
				ActivityRef ref = activities.get(made.id());
				if (made.type() == ItemType.DEPENDENCY || ref == null) {
					throw new RuleViolationException(field, "'" + end.get("ref").asString() + "' is not a task or "
							+ "milestone of this project" + (ref == null ? " any more" : "") + ".");
				}
				return ref;
			}
			UUID id = uuid(field, end);
			ActivityRef ref = activities.get(id);
			if (ref == null) {
				throw Dependencies.unknown(field, id, context);
			}
			return ref;
		}

		private Made referenced(String field, JsonNode reference) {
			JsonNode ref = reference.get("ref");
			if (ref == null || !ref.isString() || reference.size() != 1) {
				throw new BadRequestException(field, "Name an item by its id, or as {\"ref\": \"…\"} for one created "
						+ "earlier in this list.");
			}
			String name = ref.asString();
			Made made = refs.get(name);
			if (made != null) {
				return made;
			}
			Integer refused = refusedRefs.get(name);
			throw new RuleViolationException(field, refused != null
					? "'" + name + "' is the item of operation " + refused + ", which was refused."
					: "No earlier operation creates '" + name + "'; create it before the operations that refer to it.");
		}

		private UUID uuid(String field, JsonNode id) {
			if (id == null || !id.isString()) {
				throw new BadRequestException(field, "'" + field + "' is the item's id, or {\"ref\": \"…\"} for one "
						+ "created earlier in this list.");
			}
			try {
				return UUID.fromString(id.asString());
			}
			catch (IllegalArgumentException e) {
				throw new BadRequestException(field, "'" + id.asString() + "' is not an id.");
			}
		}

		private <T> T read(JsonNode value, Class<T> type) {
			if (value == null || !value.isObject()) {
				throw new BadRequestException("value", "A create's value is the item as its single endpoint takes it, a JSON object.");
			}
			T read;
			try {
				read = mapper.treeToValue(value, type);
			}
			catch (JacksonException e) {
				throw JsonProblems.toProblem(e);
			}
			mergePatch.validate(read);
			return read;
		}

		void refuse(int index, MilepostException refused) {
			statuses.putIfAbsent(index, refused.status());
			if (errors.size() >= MAX_ERRORS) {
				return;
			}
			String at = "operations[" + index + "]";
			if (refused.fieldErrors().isEmpty()) {
				errors.add(new FieldError(at, refused.getMessage()));
			}
			else {
				refused.fieldErrors().forEach(error -> errors.add(new FieldError(
						error.field() == null || error.field().isEmpty() ? at : at + "." + error.field(),
						error.message())));
			}
		}

		PlanChangesRefused refusal() {
			var distinct = statuses.values().stream().distinct().toList();
			HttpStatus status = distinct.size() == 1 ? distinct.get(0) : HttpStatus.UNPROCESSABLE_CONTENT;
			return new PlanChangesRefused(statuses.size(), size, errors, status);
		}

		Map<String, Object> createdRecord() {
			Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
			for (Made item : made) {
				byType.computeIfAbsent(item.type().label(), key -> new ArrayList<>())
					.add(Map.of("id", item.id().toString(), "name", item.name()));
			}
			return new LinkedHashMap<>(byType);
		}

	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static MilepostException prefixed(String prefix, MilepostException e) {
		List<FieldError> errors = e.fieldErrors()
			.stream()
			.map(error -> new FieldError(prefix + error.field(), error.message()))
			.toList();
		return new MilepostException(e.getMessage(), errors) {

			@Override
			public HttpStatus status() {
				return e.status();
			}

			@Override
			public String title() {
				return e.title();
			}

		};
	}

	/** A link as a bulk change creates it: its ends by id or by {@code {"ref": "…"}}. */
	record LinkValue(JsonNode predecessor, JsonNode successor, LinkType type, Integer lagDays) {
	}

}
