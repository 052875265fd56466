package dev.milepost.plan.dependency;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.MultiRow;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.Rows;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.support.Activities;
import dev.milepost.plan.support.Activities.ActivityRef;
import dev.milepost.plan.support.PlanEvents;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links between tasks and milestones; refuses links that would close a cycle, naming it. */
@Service
public class Dependencies {

	private final DependencyRepository dependencies;

	private final Activities activities;

	private final ProjectAccess access;

	private final PlanEvents events;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final Clock clock;

	Dependencies(DependencyRepository dependencies, Activities activities, ProjectAccess access, PlanEvents events,
			JdbcClient jdbc, dev.milepost.common.DatabaseKind database, Clock clock) {
		this.jdbc = jdbc;
		this.postgres = database.postgres();
		this.dependencies = dependencies;
		this.activities = activities;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public record DependencyRequest(@NotNull UUID predecessor, @NotNull UUID successor, @NotNull LinkType type,
			@NotNull @Min(-Dependency.MAX_LAG) @Max(Dependency.MAX_LAG) Integer lagDays) {
	}

	public record Endpoint(UUID id, ActivityKind kind, String name) {
	}

	public record DependencyView(UUID id, Endpoint predecessor, Endpoint successor, LinkType type, int lagDays) {
	}

	public record Versioned(DependencyView dependency, long version) {
	}

	public PageResponse<DependencyView> list(ProjectContext context, UUID activity, LinkType type, Paging paging) {
		Map<UUID, ActivityRef> refs = activities.all(context.projectId());
		List<DependencyView> all = dependencies.findByProjectId(context.projectId())
			.stream()
			.filter(d -> activity == null || d.predecessorId().equals(activity) || d.successorId().equals(activity))
			.filter(d -> type == null || d.linkType() == type)
			.map(d -> view(d, refs))
			.sorted(Comparator.comparing((DependencyView v) -> v.predecessor().name())
				.thenComparing(v -> v.successor().name()))
			.toList();
		return PageResponse.of(paging.slice(all), paging, all.size());
	}

	public Versioned read(ProjectContext context, UUID id) {
		Dependency dependency = load(context, id);
		return new Versioned(view(dependency, activities.all(context.projectId())), dependency.version());
	}

	public DependencyRequest requestOf(ProjectContext context, UUID id) {
		Dependency dependency = load(context, id);
		return new DependencyRequest(dependency.predecessorId(), dependency.successorId(), dependency.linkType(),
				dependency.lagDays());
	}

	@Transactional
	public Versioned create(ProjectContext context, DependencyRequest request) {
		ActivityRef predecessor = activities.find(context.projectId(), request.predecessor())
			.orElseThrow(() -> unknown("predecessor", request.predecessor(), context));
		ActivityRef successor = activities.find(context.projectId(), request.successor())
			.orElseThrow(() -> unknown("successor", request.successor(), context));
		// two links added at once could each look harmless and together close a cycle
		access.lock(context);
		if (dependencies.existsByPredecessorIdAndSuccessorId(predecessor.id(), successor.id())) {
			throw duplicate(predecessor, successor);
		}
		Dependency dependency = Dependency.link(context.projectId(), predecessor.id(), predecessor.kind(),
				successor.id(), successor.kind(), request.type(), request.lagDays(), clock.instant());
		// only what lies downstream of the successor is read, not every link of the project
		if (reaches(context.projectId(), successor.id(), predecessor.id())) {
			CycleDetector.cycleClosedBy(dependencies.findByProjectId(context.projectId()), predecessor.id(),
					successor.id())
				.ifPresent(cycle -> {
					throw cycleRefusal(cycle, activities.all(context.projectId()));
				});
		}
		dependency = dependencies.save(dependency);
		DependencyView view = view(dependency, Map.of(predecessor.id(), predecessor, successor.id(), successor));
		events.created(context, "dependency", dependency.id(), view);
		return new Versioned(view, dependency.version());
	}

	/** A new link, checked by {@link Dependency#link}'s rules; {@link #insertAll} stores it. */
	public static final class Draft {

		private final Dependency link;

		private Draft(Dependency link) {
			this.link = link;
		}

		public UUID id() {
			return link.id();
		}

	}

	/** The project's links as a graph to edit in memory and check for a cycle once (see {@link LinkGraph}). */
	public LinkGraph graph(ProjectContext context) {
		LinkGraph graph = new LinkGraph();
		record Row(UUID id, UUID predecessorId, UUID successorId) {
		}
		jdbc.sql("select id, predecessor_id, successor_id from dependency where project_id = :p")
			.param("p", context.projectId())
			.query(Rows.of(Row.class))
			.list()
			.forEach(row -> graph.addExisting(row.id(), row.predecessorId(), row.successorId()));
		return graph;
	}

	/**
	 * A new link checked by the same rules as {@link #create} except the cycle, which the caller
	 * checks once over the final graph (see {@link #refuseCycles}); added to {@code graph} tagged
	 * with {@code tag}. The ends must be activities of the project (the caller found them).
	 */
	public Draft draft(ProjectContext context, DependencyRequest request, ActivityRef predecessor,
			ActivityRef successor, LinkGraph graph, int tag) {
		if (graph.links(predecessor.id(), successor.id())) {
			throw duplicate(predecessor, successor);
		}
		Dependency dependency = Dependency.link(context.projectId(), predecessor.id(), predecessor.kind(),
				successor.id(), successor.kind(), request.type(), request.lagDays(), clock.instant());
		graph.add(predecessor.id(), successor.id(), tag);
		return new Draft(dependency);
	}

	/** The refusal for a cycle in the final graph, and the tag of the link that closed it; empty if none. */
	public java.util.Optional<Map.Entry<Integer, RuleViolationException>> refuseCycles(LinkGraph graph,
			Map<UUID, ActivityRef> names) {
		return graph.cycle().map(cycle -> Map.entry(cycle.tag(), cycleRefusal(cycle.activities(), names)));
	}

	/** Stores new links (from {@link #draft}) in batches; the caller puts them on the record. */
	@Transactional
	public void insertAll(List<Draft> drafts) {
		// 200 rows a statement, the columns from the aggregate itself (newRow), no Spring Data mapping per entity;
		// the figures are in BENCHMARKS.md, "Bulk plan changes"
		MultiRow.insert(jdbc, """
				insert into dependency (id, project_id, predecessor_id, predecessor_kind, successor_id, successor_kind,
				                        link_type, lag_days, created_at, version)""",
				"(:id, :projectId, :predecessorId, :predecessorKind, :successorId, :successorKind, :linkType, :lagDays, "
						+ ":createdAt, 0)",
				null, drafts.stream().map(draft -> draft.link.newRow()).toList());
	}

	/** The refusal of a link whose ends are not both activities of the project. */
	public static RuleViolationException unknown(String field, UUID id, ProjectContext context) {
		return new RuleViolationException(field,
				"No task or milestone " + id + " exists in project " + context.projectKey() + ".");
	}

	/**
	 * Whether {@code target} lies downstream of {@code from}. On PostgreSQL a recursive query
	 * follows only the links downstream of {@code from} (its {@code union} visits each activity
	 * once); H2's recursive {@code union} does not drop repeats, so there the project's links are
	 * read as pairs and walked in memory.
	 */
	private boolean reaches(UUID projectId, UUID from, UUID target) {
		if (postgres) {
			return jdbc.sql("""
					with recursive downstream(id) as (
					  select cast(:from as uuid)
					  union
					  select d.successor_id from dependency d join downstream s on d.predecessor_id = s.id
					)
					select count(*) from downstream where id = :target""")
				.param("from", from)
				.param("target", target)
				.query(Long.class)
				.single() > 0;
		}
		Map<UUID, List<UUID>> next = new java.util.HashMap<>();
		jdbc.sql("""
				select predecessor_id, successor_id from dependency where project_id = :p""")
			.param("p", projectId)
			.query((rs, n) -> next.computeIfAbsent(rs.getObject(1, UUID.class), key -> new java.util.ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		java.util.Set<UUID> seen = new java.util.HashSet<>(List.of(from));
		java.util.ArrayDeque<UUID> queue = new java.util.ArrayDeque<>(List.of(from));
		while (!queue.isEmpty()) {
			UUID current = queue.poll();
			if (current.equals(target)) {
				return true;
			}
			for (UUID following : next.getOrDefault(current, List.of())) {
				if (seen.add(following)) {
					queue.add(following);
				}
			}
		}
		return false;
	}

	private static ConflictException duplicate(ActivityRef predecessor, ActivityRef successor) {
		return new ConflictException("successor", "'" + predecessor.name() + "' already links to '"
				+ successor.name() + "'; change that link's type or lag instead.");
	}

	private static RuleViolationException cycleRefusal(List<UUID> cycle, Map<UUID, ActivityRef> refs) {
		String names = cycle.stream().map(id -> "'" + refs.get(id).name() + "'").collect(Collectors.joining(" → "));
		return new RuleViolationException("successor",
				"This link would close a cycle: " + names + ". Work cannot wait on itself; remove one of these links.");
	}

	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, DependencyRequest request) {
		Dependency dependency = load(context, id);
		dependency.expectVersion(ETags.requireCurrent(ifMatch, dependency.version()));
		if (!dependency.predecessorId().equals(request.predecessor())
				|| !dependency.successorId().equals(request.successor())) {
			throw new RuleViolationException(
					!dependency.predecessorId().equals(request.predecessor()) ? "predecessor" : "successor",
					"A link's ends do not change; delete this link and add a new one.");
		}
		Map<UUID, ActivityRef> refs = activities.all(context.projectId());
		DependencyView before = view(dependency, refs);
		dependency.change(request.type(), request.lagDays());
		dependency = dependencies.save(dependency);
		DependencyView after = view(dependency, refs);
		events.updated(context, "dependency", id, before, after);
		return new Versioned(after, dependency.version());
	}

	@Transactional
	public void delete(ProjectContext context, UUID id) {
		Dependency dependency = load(context, id);
		DependencyView before = view(dependency, activities.all(context.projectId()));
		dependencies.delete(dependency);
		events.deleted(context, "dependency", id, before);
	}

	/** The links that touch an activity, described for a refusal message. */
	public List<String> linksOf(ProjectContext context, UUID activity) {
		Map<UUID, ActivityRef> refs = activities.all(context.projectId());
		return dependencies.findTouching(activity)
			.stream()
			.map(d -> "'" + refs.get(d.predecessorId()).name() + "' → '" + refs.get(d.successorId()).name() + "'")
			.toList();
	}

	/** Removes every link that touches an activity, each on the record. */
	@Transactional
	public void removeLinksOf(ProjectContext context, UUID activity) {
		Map<UUID, ActivityRef> refs = activities.all(context.projectId());
		for (Dependency dependency : dependencies.findTouching(activity)) {
			dependencies.delete(dependency);
			events.deleted(context, "dependency", dependency.id(), view(dependency, refs));
		}
	}

	private Dependency load(ProjectContext context, UUID id) {
		return dependencies.findById(id)
			.filter(dependency -> dependency.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("dependency", id));
	}

	private static DependencyView view(Dependency dependency, Map<UUID, ActivityRef> refs) {
		return new DependencyView(dependency.id(), endpoint(refs.get(dependency.predecessorId())),
				endpoint(refs.get(dependency.successorId())), dependency.linkType(), dependency.lagDays());
	}

	private static Endpoint endpoint(ActivityRef ref) {
		return new Endpoint(ref.id(), ref.kind(), ref.name());
	}

}
