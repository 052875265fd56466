package dev.milepost.approval.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.ConflictException;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A question put to approvers, each with a turn: decided in sequence or in parallel (all must
 * approve, or any one suffices), before a due date, and only once the steps it follows (a
 * process's tasks) are done. It guards its own transitions: only whoever holds a turn decides
 * it, in turn when the request goes in sequence, once; a decision is final, and once approved or
 * rejected the request takes no more.
 */
@Table("approval_request")
class ApprovalRequest {

	@Id
	private final UUID id;

	private final UUID projectId;

	private final String projectKey;

	private final long requestNumber;

	private String title;

	private String description;

	private final SubjectKind subjectKind;

	private final UUID subjectId;

	private final String subjectName;

	private final LocalDate replanFrom;

	private final LocalDate replanTo;

	private final String replanReason;

	private final ApprovalMode approvalMode;

	private LocalDate dueDate;

	private ApprovalStatus status;

	private final UUID requestedBy;

	private final Instant requestedAt;

	private Instant closedAt;

	@MappedCollection(idColumn = "request_id", keyColumn = "seq")
	private List<ApprovalStep> steps;

	@MappedCollection(idColumn = "request_id", keyColumn = "seq")
	private List<ApprovalPrerequisite> prerequisites;

	@Version
	private Long version;

	@PersistenceCreator
	ApprovalRequest(UUID id, UUID projectId, String projectKey, long requestNumber, String title, String description,
			SubjectKind subjectKind, UUID subjectId, String subjectName, LocalDate replanFrom, LocalDate replanTo,
			String replanReason, ApprovalMode approvalMode, LocalDate dueDate, ApprovalStatus status, UUID requestedBy,
			Instant requestedAt, Instant closedAt, List<ApprovalStep> steps, List<ApprovalPrerequisite> prerequisites,
			Long version) {
		this.id = id;
		this.projectId = projectId;
		this.projectKey = projectKey;
		this.requestNumber = requestNumber;
		this.title = title;
		this.description = description;
		this.subjectKind = subjectKind;
		this.subjectId = subjectId;
		this.subjectName = subjectName;
		this.replanFrom = replanFrom;
		this.replanTo = replanTo;
		this.replanReason = replanReason;
		this.approvalMode = approvalMode;
		this.dueDate = dueDate;
		this.status = status;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		this.closedAt = closedAt;
		this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
		this.prerequisites = prerequisites == null ? new ArrayList<>() : new ArrayList<>(prerequisites);
		this.version = version;
	}

	/** What a request is about: a milestone or deliverable (by id, with its name then), a re-plan, or nothing. */
	record Subject(SubjectKind kind, UUID id, String name, Replan replan) {

		static Subject free() {
			return new Subject(SubjectKind.FREE, null, null, null);
		}

	}

	/** A proposed move of a milestone's target, and why. */
	record Replan(LocalDate from, LocalDate to, String reason) {
	}

	/**
	 * Everything a new request needs, with approvers already resolved to people or roles, and the
	 * steps it follows (none for a request that may be decided at once).
	 */
	record Opening(UUID projectId, String projectKey, long number, String title, String description, Subject subject,
			ApprovalMode mode, LocalDate dueDate, List<ApprovalStep> approvers, UUID requestedBy,
			List<ApprovalPrerequisite> after) {
	}

	static ApprovalRequest open(Opening opening, Instant now, LocalDate today) {
		if (opening.approvers().isEmpty()) {
			throw new RuleViolationException("approvers", "Name at least one approver: a person or a project role.");
		}
		requireNotPast(opening.dueDate(), today);
		Subject subject = opening.subject();
		Replan replan = subject.replan();
		return new ApprovalRequest(UUID.randomUUID(), opening.projectId(), opening.projectKey(), opening.number(),
				opening.title().strip(), opening.description(), subject.kind(), subject.id(), subject.name(),
				replan == null ? null : replan.from(), replan == null ? null : replan.to(),
				replan == null ? null : replan.reason(), opening.mode() == null ? ApprovalMode.ALL : opening.mode(),
				opening.dueDate(), ApprovalStatus.PENDING, opening.requestedBy(), now, null, opening.approvers(),
				opening.after(), null);
	}

	private static void requireNotPast(LocalDate dueDate, LocalDate today) {
		if (dueDate.isBefore(today)) {
			throw new RuleViolationException("dueDate",
					"The due date " + dueDate + " has passed; give today (" + today + ") or a later date.");
		}
	}

	/** A manager changes the wording or the due date while the request is pending. */
	void change(String title, String description, LocalDate dueDate, LocalDate today) {
		requirePending();
		if (!dueDate.equals(this.dueDate)) {
			requireNotPast(dueDate, today);
		}
		this.title = title.strip();
		this.description = description;
		this.dueDate = dueDate;
	}

	/** A decision, and the approver it was decided for when a delegate decided. */
	record Decided(int position, ApprovalStep step) {
	}

	/**
	 * What stands around a decision, found outside the request: the steps it follows that are not
	 * done yet ({@code waitingFor}, each described), the work upstream of its milestone still open
	 * (shown to the decider and kept with their decision), and the plan's refusal when they would
	 * approve without saying they saw that work.
	 */
	record Around(List<String> waitingFor, List<WorkItem> openWork, MilestoneAchievement.Refused openWorkUnseen) {

		static final Around NOTHING = new Around(List.of(), List.of(), null);

		Around {
			waitingFor = List.copyOf(waitingFor);
			openWork = List.copyOf(openWork);
		}

	}

	/**
	 * The person, holding the role they hold in the project, decides their turn. Refused, changing
	 * nothing, when they have no turn (403), decided already (409), the request is closed (409),
	 * it is not their turn yet in a sequence (409), the steps it follows are not done yet (409), a
	 * rejection gives no reason (422) or an approval passes over open work unseen (422).
	 */
	Decided decide(UUID by, ProjectRole role, Decision decision, String comment, Instant at, Around around) {
		Objects.requireNonNull(decision, "decision");
		refuseSecondDecision(by);
		if (role == ProjectRole.STAKEHOLDER) {
			throw new ForbiddenException("Stakeholders follow approvals; they do not decide them.");
		}
		Optional<Integer> turn = firstTurnOf(by, role);
		if (turn.isEmpty()) {
			throw new ForbiddenException(handedOver(by)
				? "You handed your turn to someone else; they decide it now. Delegate it to yourself to take it back."
				: "Only the approvers this request names (or whoever they delegated their turn to) may decide it.");
		}
		requirePending();
		int position = turn.get();
		if (approvalMode == ApprovalMode.SEQUENTIAL && position != firstUndecided()) {
			throw new ConflictException("It is not your turn yet: this request goes in sequence and approver "
					+ (firstUndecided() + 1) + " decides first.");
		}
		if (!around.waitingFor().isEmpty()) {
			throw new ConflictException(waiting(around.waitingFor()));
		}
		if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
			throw new RuleViolationException("comment", "Say why you reject, so the request can be reworked.");
		}
		if (decision == Decision.APPROVE && around.openWorkUnseen() != null) {
			throw around.openWorkUnseen().asException();
		}
		ApprovalStep decided = steps.get(position)
			.decide(decision, by, comment == null || comment.isBlank() ? null : comment.strip(), at,
					around.openWork());
		steps.set(position, decided);
		settle(at);
		return new Decided(position, decided);
	}

	/** Why a request cannot be decided yet, naming the steps it waits for. */
	static String waiting(List<String> waitingFor) {
		return "This request follows steps that are not done yet: " + String.join("; ", waitingFor)
				+ ". It can be decided once they are done.";
	}

	/**
	 * Whoever holds a turn hands it to another project member (a delegate may not hand it on);
	 * delegating to yourself takes a delegated turn back.
	 */
	void delegate(UUID by, ProjectRole role, UUID to, ProjectRole toRole, String note, Instant at) {
		Optional<Integer> turn = IntStream.range(0, steps.size())
			.filter(i -> steps.get(i).delegableBy(by, role))
			.boxed()
			.findFirst();
		if (turn.isEmpty()) {
			refuseSecondDecision(by);
			throw new ForbiddenException(steps.stream().anyMatch(s -> !s.decided() && by.equals(s.delegateId()))
					? "You decide this turn for the approver who delegated it; only they may hand it to someone else."
					: "Only an approver whose turn is still open may delegate it.");
		}
		requirePending();
		int position = turn.get();
		ApprovalStep step = steps.get(position);
		if (to.equals(by)) {
			if (!step.delegated()) {
				throw new RuleViolationException("to", "This turn is yours already; name someone else to delegate it.");
			}
			steps.set(position, step.takenBack());
			return;
		}
		if (toRole == ProjectRole.STAKEHOLDER) {
			throw new RuleViolationException("to",
					"Stakeholders read and change nothing, so they cannot decide; name a member, approver or manager.");
		}
		if (to.equals(step.delegateId())) {
			throw new RuleViolationException("to", "This turn is delegated to them already.");
		}
		boolean hasATurn = IntStream.range(0, steps.size())
			.anyMatch(i -> i != position && (to.equals(steps.get(i).approverId()) || to.equals(steps.get(i).delegateId())
					|| to.equals(steps.get(i).decidedBy())));
		if (hasATurn) {
			throw new RuleViolationException("to",
					"They have a turn of their own in this request, and one person decides one turn; name someone else.");
		}
		steps.set(position, step.delegatedTo(to, by, note == null || note.isBlank() ? null : note.strip(), at));
	}

	/**
	 * Whether the person, holding that role in the project, may decide a turn now: the request is
	 * pending, one of its open turns is theirs (by name, role or delegation) and they have not
	 * decided one already. The same conditions {@link #decide} checks, asked before, not refused.
	 */
	boolean decidableBy(UUID user, ProjectRole role) {
		if (role == ProjectRole.STAKEHOLDER || steps.stream().anyMatch(s -> user.equals(s.decidedBy()))) {
			return false;
		}
		return openTurns().stream().anyMatch(s -> s.heldBy(user, role));
	}

	/** Whether the person has a part in this request: named, by role, delegated to, or decided. */
	boolean involves(UUID user, ProjectRole role) {
		return steps.stream().anyMatch(s -> s.involves(user) || (role != null && role == s.approverRole()));
	}

	private void refuseSecondDecision(UUID by) {
		steps.stream().filter(s -> by.equals(s.decidedBy())).findFirst().ifPresent(s -> {
			throw new ConflictException("You decided this request on " + s.decidedAt() + " ("
					+ s.decision().name().toLowerCase(java.util.Locale.ROOT) + "); a decision is final.");
		});
	}

	private Optional<Integer> firstTurnOf(UUID by, ProjectRole role) {
		return IntStream.range(0, steps.size())
			.filter(i -> !steps.get(i).decided() && steps.get(i).heldBy(by, role))
			.boxed()
			.findFirst();
	}

	private boolean handedOver(UUID by) {
		return steps.stream()
			.anyMatch(s -> !s.decided() && s.delegated() && (by.equals(s.approverId()) || by.equals(s.delegatedBy())));
	}

	/** The turns that can be decided now: the first open one in a sequence, every open one otherwise. */
	List<ApprovalStep> openTurns() {
		if (status != ApprovalStatus.PENDING) {
			return List.of();
		}
		if (approvalMode == ApprovalMode.SEQUENTIAL) {
			int first = firstUndecided();
			return first < 0 ? List.of() : List.of(steps.get(first));
		}
		return steps.stream().filter(step -> !step.decided()).toList();
	}

	/** The first turn not decided yet, or -1. */
	int firstUndecided() {
		return IntStream.range(0, steps.size()).filter(i -> !steps.get(i).decided()).findFirst().orElse(-1);
	}

	private void requirePending() {
		if (status != ApprovalStatus.PENDING) {
			throw new ConflictException("This request was " + status.name().toLowerCase(java.util.Locale.ROOT) + " on "
					+ closedAt + "; it is closed and takes no more decisions or changes.");
		}
	}

	/** ALL and SEQUENTIAL: one rejection closes it, every approval approves it. ANY: the reverse. */
	private void settle(Instant at) {
		long approved = steps.stream().filter(s -> s.decision() == Decision.APPROVE).count();
		long rejected = steps.stream().filter(s -> s.decision() == Decision.REJECT).count();
		if (approvalMode == ApprovalMode.ANY) {
			status = approved > 0 ? ApprovalStatus.APPROVED
					: rejected == steps.size() ? ApprovalStatus.REJECTED : ApprovalStatus.PENDING;
		}
		else {
			status = rejected > 0 ? ApprovalStatus.REJECTED
					: approved == steps.size() ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
		}
		if (status != ApprovalStatus.PENDING) {
			closedAt = at;
		}
	}

	boolean isPending() {
		return status == ApprovalStatus.PENDING;
	}

	Subject subject() {
		return new Subject(subjectKind, subjectId, subjectName,
				subjectKind == SubjectKind.REPLAN ? new Replan(replanFrom, replanTo, replanReason) : null);
	}

	List<ApprovalStep> steps() {
		return List.copyOf(steps);
	}

	/** The steps this request follows, done or not. */
	List<ApprovalPrerequisite> prerequisites() {
		return List.copyOf(prerequisites);
	}

	UUID id() {
		return id;
	}

	UUID projectId() {
		return projectId;
	}

	String projectKey() {
		return projectKey;
	}

	long number() {
		return requestNumber;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	ApprovalMode mode() {
		return approvalMode;
	}

	LocalDate dueDate() {
		return dueDate;
	}

	ApprovalStatus status() {
		return status;
	}

	UUID requestedBy() {
		return requestedBy;
	}

	Instant requestedAt() {
		return requestedAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
