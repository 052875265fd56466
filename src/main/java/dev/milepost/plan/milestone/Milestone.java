package dev.milepost.plan.milestone;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.FieldError;
import dev.milepost.common.MultiRow;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A zero-duration checkpoint with a named owner and a binary completion criterion. It is either
 * achieved, with who, when and the evidence on the record, or it is not: never "90 % done".
 */
@Table("milestone")
public class Milestone {

	static final String WORK_REFUSAL = "A milestone marks a moment; it has no %s. Model the work as a task that feeds the milestone.";

	@Id
	private final UUID id;

	private final UUID projectId;

	private String name;

	private String description;

	private LocalDate targetDate;

	private UUID ownerId;

	private CriterionKind criterionKind;

	private String criterionText;

	private UUID criterionApproverId;

	private ProjectRole criterionRole;

	private String tags;

	private Instant achievedAt;

	private UUID achievedBy;

	private CriterionKind evidenceKind;

	private String evidence;

	private String achievedOpenWork;

	/** When a back-dated achievement was put on the record; null when it was recorded as it happened. */
	private Instant achievementRecordedAt;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Milestone(UUID id, UUID projectId, String name, String description, LocalDate targetDate, UUID ownerId,
			CriterionKind criterionKind, String criterionText, UUID criterionApproverId, ProjectRole criterionRole,
			String tags, Instant achievedAt, UUID achievedBy, CriterionKind evidenceKind, String evidence,
			String achievedOpenWork, Instant achievementRecordedAt, Instant createdAt, Long version) {
		this.id = id;
		this.projectId = projectId;
		this.name = name;
		this.description = description;
		this.targetDate = targetDate;
		this.ownerId = ownerId;
		this.criterionKind = criterionKind;
		this.criterionText = criterionText;
		this.criterionApproverId = criterionApproverId;
		this.criterionRole = criterionRole;
		this.tags = tags;
		this.achievedAt = achievedAt;
		this.achievedBy = achievedBy;
		this.evidenceKind = evidenceKind;
		this.evidence = evidence;
		this.achievedOpenWork = achievedOpenWork;
		this.achievementRecordedAt = achievementRecordedAt;
		this.createdAt = createdAt;
		this.version = version;
	}

	/** The completion criterion, with the person or role it names already resolved. */
	record Criterion(CriterionKind kind, String text, UUID approverId, ProjectRole role) {
	}

	record Details(String name, String description, LocalDate targetDate, UUID ownerId, Criterion criterion,
			List<String> tags) {
	}

	/**
	 * Refuses the attributes of work. A duration or effort of zero is what a milestone has anyway,
	 * so it is let through; anything else is refused, each field named.
	 */
	static void refuseWork(Object durationDays, Object effortHours, Object assignees) {
		List<FieldError> errors = new ArrayList<>();
		if (durationDays != null && !isZero(durationDays)) {
			errors.add(new FieldError("durationDays", String.format(WORK_REFUSAL, "duration")));
		}
		if (effortHours != null && !isZero(effortHours)) {
			errors.add(new FieldError("effortHours", String.format(WORK_REFUSAL, "effort")));
		}
		if (assignees != null && !(assignees instanceof List<?> list && list.isEmpty())) {
			errors.add(new FieldError("assignees", String.format(WORK_REFUSAL, "assignees")));
		}
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors.get(0).message(), errors);
		}
	}

	private static boolean isZero(Object value) {
		return value instanceof Number number && number.doubleValue() == 0;
	}

	/**
	 * The columns of this new milestone's row, for storing many at once ({@link Milestones#insertAll});
	 * not achieved yet, and the version starts at 0, as Spring Data's first save starts it.
	 */
	Map<String, Object> newRow() {
		if (achievedAt != null) {
			throw new IllegalStateException("Milestone " + id + " is achieved; only a new one is stored with newRow");
		}
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("projectId", projectId);
		row.put("name", name);
		row.put("description", MultiRow.typed(Types.VARCHAR, description));
		row.put("targetDate", targetDate);
		row.put("ownerId", ownerId);
		row.put("criterionKind", criterionKind.name());
		row.put("criterionText", criterionText);
		row.put("approverId", MultiRow.typed(Types.OTHER, criterionApproverId));
		row.put("role", MultiRow.typed(Types.VARCHAR, criterionRole == null ? null : criterionRole.name()));
		row.put("tags", MultiRow.typed(Types.VARCHAR, tags));
		row.put("createdAt", Timestamp.from(createdAt));
		return row;
	}

	static Milestone create(UUID projectId, Details details, Instant now) {
		Milestone milestone = new Milestone(UUID.randomUUID(), projectId, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, now, null);
		milestone.change(details);
		return milestone;
	}

	void change(Details details) {
		Criterion criterion = details.criterion();
		checkCriterion(criterion);
		if (isAchieved() && (!details.targetDate().equals(targetDate) || !details.ownerId().equals(ownerId)
				|| !criterion.equals(criterion()))) {
			throw new RuleViolationException(!details.targetDate().equals(targetDate) ? "targetDate"
					: !details.ownerId().equals(ownerId) ? "owner" : "criterion",
					"This milestone was achieved on " + achievedAt + "; its target, owner and criterion are on the record and no longer change.");
		}
		this.name = details.name().strip();
		this.description = details.description();
		this.targetDate = details.targetDate();
		this.ownerId = Objects.requireNonNull(details.ownerId(), "owner");
		this.criterionKind = criterion.kind();
		this.criterionText = criterion.text().strip();
		this.criterionApproverId = criterion.approverId();
		this.criterionRole = criterion.role();
		this.tags = details.tags() == null || details.tags().isEmpty() ? null : String.join(",", details.tags());
	}

	private static void checkCriterion(Criterion criterion) {
		boolean byPerson = criterion.kind() == CriterionKind.APPROVAL_BY_PERSON;
		boolean byRole = criterion.kind() == CriterionKind.APPROVAL_BY_ROLE;
		if (byPerson && criterion.approverId() == null) {
			throw new RuleViolationException("criterion.approver",
					"Approval by a named person needs the approver's username.");
		}
		if (!byPerson && criterion.approverId() != null) {
			throw new RuleViolationException("criterion.approver",
					"Only an APPROVAL_BY_PERSON criterion names an approver.");
		}
		if (byRole && criterion.role() == null) {
			throw new RuleViolationException("criterion.role", "Approval by a project role needs the role.");
		}
		if (!byRole && criterion.role() != null) {
			throw new RuleViolationException("criterion.role", "Only an APPROVAL_BY_ROLE criterion names a role.");
		}
	}

	/**
	 * Records the achievement that {@link MilestoneAchievement} allowed, with the evidence presented
	 * and the open work upstream the permit names. An achieved milestone stays achieved: a second
	 * achievement is refused and changes nothing.
	 */
	void achieve(MilestoneAchievement.Allowed permit, Evidence presented, UUID by, Instant at) {
		achieve(permit, presented, by, at, null);
	}

	/**
	 * The same, back-dated: {@code at} is when it happened, {@code recordedAt} (null when not
	 * back-dated) when it was put on the record.
	 */
	void achieve(MilestoneAchievement.Allowed permit, Evidence presented, UUID by, Instant at, Instant recordedAt) {
		if (isAchieved()) {
			throw new ConflictException("This milestone was already achieved on " + achievedAt + "; it stays achieved.");
		}
		if (!permit.milestoneId().equals(id)) {
			throw new IllegalArgumentException("The permit is for milestone " + permit.milestoneId() + ", not " + id);
		}
		this.achievedAt = at;
		this.achievedBy = by;
		this.evidenceKind = criterionKind;
		this.evidence = presented.describe();
		this.achievedOpenWork = WorkItem.asRecord(permit.openWork());
		this.achievementRecordedAt = recordedAt;
	}

	/**
	 * Moves the target of a milestone that is not achieved yet, as an agreed re-plan does; an
	 * achieved milestone's target is on the record and stays.
	 */
	void moveTarget(LocalDate newTarget) {
		if (isAchieved()) {
			throw new ConflictException("targetDate", "This milestone was achieved on " + achievedAt
					+ "; its target is on the record and no longer changes.");
		}
		if (newTarget.equals(targetDate)) {
			throw new RuleViolationException("targetDate", "The milestone's target is already " + newTarget + ".");
		}
		this.targetDate = newTarget;
	}

	void expectVersion(long expected) {
		this.version = expected;
	}

	public boolean isAchieved() {
		return achievedAt != null;
	}

	public Criterion criterion() {
		return new Criterion(criterionKind, criterionText, criterionApproverId, criterionRole);
	}

	public List<String> tags() {
		return tags == null ? List.of() : Arrays.asList(tags.split(","));
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

	public LocalDate targetDate() {
		return targetDate;
	}

	public UUID ownerId() {
		return ownerId;
	}

	public Instant achievedAt() {
		return achievedAt;
	}

	public UUID achievedBy() {
		return achievedBy;
	}

	/** When a back-dated achievement was recorded; null when it was recorded as it happened. */
	public Instant achievementRecordedAt() {
		return achievementRecordedAt;
	}

	public CriterionKind evidenceKind() {
		return evidenceKind;
	}

	public String evidence() {
		return evidence;
	}

	/** The work upstream that was still open when it was achieved, as the achiever was shown it. */
	public List<String> achievedOpenWork() {
		return WorkItem.fromRecord(achievedOpenWork);
	}

	public Instant createdAt() {
		return createdAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
