package dev.milepost.plan.task;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.common.MultiRow;
import dev.milepost.common.RuleViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A piece of work: it takes working days and effort, has people on it, and makes progress. */
@Table("task")
public class Task {

	@Id
	private final UUID id;

	private final UUID projectId;

	private String name;

	private String description;

	private int durationDays;

	private BigDecimal effortHours;

	private int percentComplete;

	private LocalDate plannedStart;

	private LocalDate actualStart;

	private LocalDate actualFinish;

	private Integer estimateOptimistic;

	private Integer estimateMostLikely;

	private Integer estimatePessimistic;

	@MappedCollection(idColumn = "task_id")
	private Set<Assignee> assignees;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Task(UUID id, UUID projectId, String name, String description, int durationDays, BigDecimal effortHours,
			int percentComplete, LocalDate plannedStart, LocalDate actualStart, LocalDate actualFinish,
			Integer estimateOptimistic, Integer estimateMostLikely, Integer estimatePessimistic, Set<Assignee> assignees,
			Instant createdAt, Long version) {
		this.id = id;
		this.projectId = projectId;
		this.name = name;
		this.description = description;
		this.durationDays = durationDays;
		this.effortHours = effortHours;
		this.percentComplete = percentComplete;
		this.plannedStart = plannedStart;
		this.actualStart = actualStart;
		this.actualFinish = actualFinish;
		this.estimateOptimistic = estimateOptimistic;
		this.estimateMostLikely = estimateMostLikely;
		this.estimatePessimistic = estimatePessimistic;
		this.assignees = assignees == null ? new HashSet<>() : new HashSet<>(assignees);
		this.createdAt = createdAt;
		this.version = version;
	}

	/** Everything about a task that can change, with people already resolved to ids. */
	record Details(String name, String description, int durationDays, BigDecimal effortHours, Set<UUID> assignees,
			int percentComplete, LocalDate plannedStart, LocalDate actualStart, LocalDate actualFinish,
			Estimate estimate) {
	}

	static Task create(UUID projectId, Details details, LocalDate today, Instant now) {
		Task task = new Task(UUID.randomUUID(), projectId, null, null, 0, null, 0, null, null, null, null, null, null,
				null, now, null);
		task.change(details, today);
		return task;
	}

	/** Applies the details if they hold together; otherwise refuses and changes nothing. */
	void change(Details details, LocalDate today) {
		if (details.actualFinish() != null && details.actualStart() == null) {
			throw new RuleViolationException("actualStart",
					"A finished task needs its actual start too: a task cannot finish before it starts.");
		}
		if (details.actualFinish() != null && details.actualFinish().isBefore(details.actualStart())) {
			throw new RuleViolationException("actualFinish", "A task cannot finish (" + details.actualFinish()
					+ ") before it starts (" + details.actualStart() + ").");
		}
		if (details.actualStart() != null && details.actualStart().isAfter(today)) {
			throw new RuleViolationException("actualStart", "The actual start (" + details.actualStart()
					+ ") is in the future; record it when the work has started.");
		}
		if (details.actualFinish() != null && details.actualFinish().isAfter(today)) {
			throw new RuleViolationException("actualFinish", "The actual finish (" + details.actualFinish()
					+ ") is in the future; record it when the work is done.");
		}
		if (details.estimate() != null) {
			details.estimate().check();
		}
		this.name = details.name().strip();
		this.description = details.description();
		this.durationDays = details.durationDays();
		this.effortHours = details.effortHours();
		this.assignees = details.assignees().stream().map(Assignee::new).collect(Collectors.toSet());
		// a finished task is done, whatever percentage was sent with it
		this.percentComplete = details.actualFinish() != null ? 100 : details.percentComplete();
		this.plannedStart = details.plannedStart();
		this.actualStart = details.actualStart();
		this.actualFinish = details.actualFinish();
		Estimate estimate = details.estimate();
		this.estimateOptimistic = estimate == null ? null : estimate.optimistic();
		this.estimateMostLikely = estimate == null ? null : estimate.mostLikely();
		this.estimatePessimistic = estimate == null ? null : estimate.pessimistic();
	}

	/**
	 * The columns of this new task's row, for storing many at once ({@link Tasks#insertAll}); the
	 * version starts at 0, as Spring Data's first save starts it.
	 */
	Map<String, Object> newRow() {
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("projectId", projectId);
		row.put("name", name);
		row.put("description", MultiRow.typed(Types.VARCHAR, description));
		row.put("durationDays", durationDays);
		row.put("effortHours", MultiRow.typed(Types.NUMERIC, effortHours));
		row.put("percentComplete", percentComplete);
		row.put("plannedStart", MultiRow.typed(Types.DATE, plannedStart));
		row.put("actualStart", MultiRow.typed(Types.DATE, actualStart));
		row.put("actualFinish", MultiRow.typed(Types.DATE, actualFinish));
		row.put("optimistic", MultiRow.typed(Types.INTEGER, estimateOptimistic));
		row.put("mostLikely", MultiRow.typed(Types.INTEGER, estimateMostLikely));
		row.put("pessimistic", MultiRow.typed(Types.INTEGER, estimatePessimistic));
		row.put("createdAt", Timestamp.from(createdAt));
		return row;
	}

	/** Takes the person off the task, as when they leave the project; nothing else changes. */
	void unassign(UUID userId) {
		assignees.remove(new Assignee(userId));
	}

	void expectVersion(long expected) {
		this.version = expected;
	}

	public TaskState state() {
		return TaskState.of(actualStart, actualFinish, percentComplete);
	}

	public boolean isDone() {
		return state() == TaskState.DONE;
	}

	public boolean isAssigned(UUID userId) {
		return assignees.contains(new Assignee(userId));
	}

	public UUID id() {
		return id;
	}

	public UUID projectId() {
		return projectId;
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	public int durationDays() {
		return durationDays;
	}

	public BigDecimal effortHours() {
		return effortHours;
	}

	public int percentComplete() {
		return percentComplete;
	}

	public LocalDate plannedStart() {
		return plannedStart;
	}

	public LocalDate actualStart() {
		return actualStart;
	}

	public LocalDate actualFinish() {
		return actualFinish;
	}

	public Estimate estimate() {
		return estimateOptimistic == null ? null
				: new Estimate(estimateOptimistic, estimateMostLikely, estimatePessimistic);
	}

	public Set<UUID> assigneeIds() {
		return assignees.stream().map(Assignee::userId).collect(Collectors.toSet());
	}

	public Instant createdAt() {
		return createdAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
