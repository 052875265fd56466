package dev.milepost.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The work that feeds milestones, for the decisions that rest on it: the whole upstream network of
 * a milestone ({@link Upstream}), read in two queries per project. Achieving a milestone by its
 * feeding tasks needs every task of it done; an approver is shown its open tasks before deciding.
 * Access is the caller's business: resolve the project with {@link ProjectAccess} first.
 */
@Service
public class FeedingWork {

	/** By name, so lists read the same wherever they are shown or recorded. */
	static final Comparator<WorkItem> ORDER = Comparator.comparing(WorkItem::name).thenComparing(WorkItem::id);

	private final JdbcClient jdbc;

	FeedingWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every task upstream of the milestone, done or not, by name: the network walked in the database
	 * (a recursive query along the links' successor index), so a milestone's page, its achievement
	 * rule and its approvals read its own feeding work, not every task and link of a large plan.
	 * The same network as {@link Upstream}: through milestones as through tasks, whatever the link type.
	 */
	public List<WorkItem> upstreamOf(UUID projectId, UUID milestoneId) {
		return jdbc.sql("""
				with recursive upstream (id) as (
				    select predecessor_id from dependency where project_id = :p and successor_id = :m
				    union
				    select d.predecessor_id from dependency d join upstream u on d.successor_id = u.id
				    where d.project_id = :p)
				select id, name, percent_complete, (actual_start is not null or percent_complete > 0) as started,
				       actual_finish is not null as done
				from task where project_id = :p and id in (select id from upstream)""")
			.param("p", projectId)
			.param("m", milestoneId)
			.query(Rows.of(WorkItem.class))
			.list()
			.stream()
			.sorted(ORDER)
			.toList();
	}

	/** The unfinished tasks upstream of each milestone named, by name; an empty list for a milestone with none. */
	public Map<UUID, List<WorkItem>> openUpstreamOf(UUID projectId, Collection<UUID> milestoneIds) {
		Map<UUID, List<WorkItem>> open = new LinkedHashMap<>();
		upstreamOf(projectId, milestoneIds)
			.forEach((milestone, tasks) -> open.put(milestone, tasks.stream().filter(task -> !task.done()).toList()));
		return open;
	}

	/** The tasks named that exist in the project, by id. */
	public Map<UUID, WorkItem> tasks(UUID projectId, Collection<UUID> taskIds) {
		Map<UUID, WorkItem> found = new HashMap<>();
		if (taskIds.isEmpty()) {
			return found;
		}
		Set<UUID> wanted = Set.copyOf(taskIds);
		tasksOf(projectId).forEach((id, task) -> {
			if (wanted.contains(id)) {
				found.put(id, task);
			}
		});
		return found;
	}

	private Map<UUID, List<WorkItem>> upstreamOf(UUID projectId, Collection<UUID> milestoneIds) {
		Map<UUID, List<WorkItem>> result = new LinkedHashMap<>();
		if (milestoneIds.isEmpty()) {
			return result;
		}
		Map<UUID, WorkItem> tasks = tasksOf(projectId);
		Map<UUID, List<UUID>> predecessors = new HashMap<>();
		jdbc.sql("select predecessor_id, successor_id from dependency where project_id = :p")
			.param("p", projectId)
			.query((rs, n) -> predecessors.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
				.add(rs.getObject(1, UUID.class)))
			.list();
		for (UUID milestone : milestoneIds) {
			result.put(milestone, Upstream.of(milestone, predecessors)
				.stream()
				.map(tasks::get)
				.filter(java.util.Objects::nonNull)
				.sorted(ORDER)
				.toList());
		}
		return result;
	}

	private Map<UUID, WorkItem> tasksOf(UUID projectId) {
		Map<UUID, WorkItem> tasks = new HashMap<>();
		jdbc.sql("""
				select id, name, percent_complete, (actual_start is not null or percent_complete > 0) as started,
				       actual_finish is not null as done
				from task where project_id = :p""")
			.param("p", projectId)
			.query(Rows.of(WorkItem.class))
			.list()
			.forEach(task -> tasks.put(task.id(), task));
		return tasks;
	}

}
