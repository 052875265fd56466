package dev.milepost.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.MilepostException;
import dev.milepost.common.RuleViolationException;

/**
 * Who may achieve a milestone, and when: the one rule that the achievement API and page, the
 * milestone page (whether to offer the form) and approvals (whether a decided request achieves
 * its milestone) all ask. It answers {@link Allowed} or {@link Refused} with the reason, a value;
 * the caller that acts turns a refusal into its exception ({@link Refused#asException()}).
 *
 * <ul>
 * <li>Nobody achieves a milestone twice; stakeholders achieve nothing.</li>
 * <li>{@link CriterionKind#APPROVAL_BY_PERSON}: the named approver, or through a request whoever
 * decided on their behalf; {@link CriterionKind#APPROVAL_BY_ROLE}: someone holding the role (or
 * their delegate through a request); {@link CriterionKind#OWNER_CONFIRMATION}: the owner, with
 * evidence; {@link CriterionKind#DELIVERABLE_ACCEPTED} and {@link CriterionKind#ALL_FEEDING_TASKS_DONE}:
 * the owner or a manager records it once every deliverable is accepted, or every task upstream of
 * it is done. Only the two approval criteria are met through an approval request.</li>
 * <li>A person who decides by their own judgement (an approval, the owner's confirmation) while
 * work upstream of the milestone is still open must say they saw that work; the achievement
 * keeps the list ({@link Allowed#openWork()}). Acceptance of deliverables keeps it too.</li>
 * <li>An achievement recorded after the day it happened ({@link #backDated}): only the milestone's
 * owner or a manager puts one on the record, who must also be allowed to achieve it; the day lies
 * neither after today nor before the project's start.</li>
 * </ul>
 */
public final class MilestoneAchievement {

	/** The field a client sets to say the milestone was achieved on an earlier day (API and pages). */
	public static final String ACHIEVED_ON = "achievedOn";

	/** The field a client sets to say they saw the open work (API) or ticks (pages). */
	public static final String ACKNOWLEDGEMENT = "acknowledgeOpenWork";

	private MilestoneAchievement() {
	}

	/** The milestone as the rule reads it: people by id, with their usernames for the reasons. */
	public record Milestone(UUID id, String name, CriterionKind kind, String criterionText, UUID ownerId, String owner,
			UUID approverId, String approver, ProjectRole role, Instant achievedAt) {
	}

	/** What the plan shows around the milestone: every task upstream of it, and the deliverables confirming it. */
	public record Work(List<WorkItem> upstream, List<Confirmation> deliverables) {

		public Work {
			upstream = List.copyOf(upstream);
			deliverables = List.copyOf(deliverables);
		}

		public List<WorkItem> open() {
			return upstream.stream().filter(task -> !task.done()).toList();
		}

	}

	/** A deliverable whose acceptance confirms the milestone. */
	public record Confirmation(String name, boolean accepted) {
	}

	/**
	 * Who would achieve it: their id and role in the project (null for a workspace administrator
	 * who is not a member), and whether they manage the project.
	 */
	public record Person(UUID id, ProjectRole role, boolean manages) {
	}

	public sealed interface Answer permits Allowed, Refused {

		boolean allowed();

		/** Why not; null when allowed. */
		String reason();

	}

	/**
	 * Allowed. {@code openWork} is the unfinished work upstream of the milestone, which the
	 * achievement keeps; when {@code acknowledgementNeeded}, the person must say they saw it.
	 */
	public record Allowed(UUID milestoneId, List<WorkItem> openWork, boolean acknowledgementNeeded) implements Answer {

		public Allowed {
			openWork = List.copyOf(openWork);
		}

		@Override
		public boolean allowed() {
			return true;
		}

		@Override
		public String reason() {
			return null;
		}

	}

	/** Refused, with the reason a person can act on, and the field it is about (null when none). */
	public record Refused(Ground ground, String field, String reason) implements Answer {

		@Override
		public boolean allowed() {
			return false;
		}

		public MilepostException asException() {
			return switch (ground) {
				case ACHIEVED -> new ConflictException(reason);
				case NOT_PERMITTED -> new ForbiddenException(reason);
				case NOT_MET, OPEN_WORK_UNSEEN, OUT_OF_RANGE -> new RuleViolationException(field, reason);
			};
		}

	}

	public enum Ground {

		/** Achieved already (409). */
		ACHIEVED,
		/** This person may not record it whatever they bring (403). */
		NOT_PERMITTED,
		/** The criterion is not met: not their approval or confirmation, or the work is not done (422). */
		NOT_MET,
		/** Work upstream is open and the person has not said they saw it (422). */
		OPEN_WORK_UNSEEN,
		/** The day it happened lies after today or before the project's start (422). */
		OUT_OF_RANGE

	}

	/**
	 * Whether the person may achieve the milestone themselves now, before they say or acknowledge
	 * anything: what the milestone page asks to offer its form.
	 */
	public static Answer mayAchieve(Milestone milestone, Work work, Person person) {
		if (milestone.achievedAt() != null) {
			return achieved(milestone);
		}
		if (person.role() == ProjectRole.STAKEHOLDER) {
			return new Refused(Ground.NOT_PERMITTED, null, "Stakeholders follow milestones; they do not achieve them.");
		}
		return switch (milestone.kind()) {
			case APPROVAL_BY_PERSON -> person.id().equals(milestone.approverId()) ? allowed(milestone, work)
					: notMet("This milestone needs the approval of " + milestone.approver() + "; nobody else can give it.");
			case APPROVAL_BY_ROLE -> person.role() != null && person.role() == milestone.role() ? allowed(milestone, work)
					: notMet("This milestone needs the approval of someone holding the " + role(milestone.role())
							+ " role in the project" + (person.role() == null ? "" : "; you hold the " + role(person.role())
									+ " role") + ".");
			case OWNER_CONFIRMATION -> person.id().equals(milestone.ownerId()) ? allowed(milestone, work)
					: notMet("Only the owner, " + milestone.owner() + ", can confirm this milestone.");
			case DELIVERABLE_ACCEPTED -> ownerOrManager(milestone, person) ? deliverablesAccepted(milestone, work)
					: notPermitted();
			case ALL_FEEDING_TASKS_DONE -> ownerOrManager(milestone, person) ? feedingTasksDone(milestone, work)
					: notPermitted();
		};
	}

	/**
	 * Whether the person achieves the milestone themselves with what they bring: a statement
	 * (the evidence, or the approval's comment) and whether they saw the open work.
	 */
	public static Answer achieve(Milestone milestone, Work work, Person person, String statement,
			boolean acknowledgesOpenWork) {
		Answer may = mayAchieve(milestone, work, person);
		if (may instanceof Allowed && milestone.kind() == CriterionKind.OWNER_CONFIRMATION
				&& (statement == null || statement.isBlank())) {
			return notMet("Confirming a milestone needs evidence: say what shows it is reached (a link, a document, a result).");
		}
		return acknowledged(milestone, may, acknowledgesOpenWork);
	}

	/**
	 * Whether the person may record the achievement with the day it happened rather than now: the
	 * milestone's owner or a manager, who may achieve it at all ({@link #mayAchieve}). What the
	 * milestone page asks to offer the date field.
	 */
	public static Answer mayBackDate(Milestone milestone, Work work, Person person) {
		Answer may = mayAchieve(milestone, work, person);
		if (may instanceof Allowed && !ownerOrManager(milestone, person)) {
			return new Refused(Ground.NOT_PERMITTED, ACHIEVED_ON,
					"Only the milestone's owner or a manager records an achievement with an earlier date.");
		}
		return may;
	}

	/**
	 * Whether the person achieves the milestone with what they bring ({@link #achieve}) on
	 * {@code on}, an earlier day than {@code today}: who may back-date ({@link #mayBackDate}), and
	 * the day neither after today nor before the project's {@code start}. {@code on} null or today
	 * is no back-dating: {@link #achieve} alone.
	 */
	public static Answer backDated(Milestone milestone, Work work, Person person, String statement,
			boolean acknowledgesOpenWork, LocalDate on, LocalDate today, LocalDate start) {
		Answer answer = achieve(milestone, work, person, statement, acknowledgesOpenWork);
		if (on == null || on.equals(today) || !(answer instanceof Allowed)) {
			return answer;
		}
		if (on.isAfter(today)) {
			return new Refused(Ground.OUT_OF_RANGE, ACHIEVED_ON,
					"An achievement cannot be recorded for a day to come: " + on + " is after today, " + today + ".");
		}
		if (on.isBefore(start)) {
			return new Refused(Ground.OUT_OF_RANGE, ACHIEVED_ON,
					"The project starts on " + start + "; its milestone cannot have been achieved on " + on + ".");
		}
		Answer backDating = mayBackDate(milestone, work, person);
		return backDating instanceof Refused ? backDating : answer;
	}

	/**
	 * Whether an approval given through a request achieves the milestone: {@code principal} is the
	 * approver the decision counts as (the one a delegate decided for, or the decider).
	 */
	public static Answer throughApproval(Milestone milestone, Work work, Person principal,
			boolean openWorkAcknowledged) {
		if (milestone.kind() != CriterionKind.APPROVAL_BY_PERSON && milestone.kind() != CriterionKind.APPROVAL_BY_ROLE) {
			return notMet("This milestone is achieved by " + milestone.kind().description()
					+ ", not by an approval request.");
		}
		return acknowledged(milestone, mayAchieve(milestone, work, principal), openWorkAcknowledged);
	}

	/**
	 * Whether accepting a deliverable achieves the milestone it confirms: its criterion is the
	 * acceptance and every deliverable confirming it is now accepted. The acceptance is the
	 * evidence, whoever the acceptor is; the open work goes on the record without asking anyone.
	 */
	public static Answer byAcceptance(Milestone milestone, Work work) {
		if (milestone.achievedAt() != null) {
			return achieved(milestone);
		}
		if (milestone.kind() != CriterionKind.DELIVERABLE_ACCEPTED) {
			return notMet("This milestone is achieved by " + milestone.kind().description()
					+ ", not by accepting deliverables.");
		}
		return deliverablesAccepted(milestone, work);
	}

	/**
	 * The open-work rule alone, for every approving decision on a request about a milestone: an
	 * approver who approves while work upstream is open says they saw it.
	 */
	public static Answer approving(UUID milestoneId, String milestoneName, List<WorkItem> openWork,
			boolean acknowledged) {
		if (!openWork.isEmpty() && !acknowledged) {
			return openWorkUnseen(milestoneName, openWork);
		}
		return new Allowed(milestoneId, openWork, !openWork.isEmpty());
	}

	private static Answer acknowledged(Milestone milestone, Answer answer, boolean acknowledged) {
		if (answer instanceof Allowed allowed && allowed.acknowledgementNeeded() && !acknowledged) {
			return openWorkUnseen(milestone.name(), allowed.openWork());
		}
		return answer;
	}

	private static Refused openWorkUnseen(String name, List<WorkItem> openWork) {
		return new Refused(Ground.OPEN_WORK_UNSEEN, ACKNOWLEDGEMENT, "Work feeding '" + name + "' is still open: "
				+ String.join("; ", openWork.stream().map(WorkItem::describe).toList())
				+ ". Achieving it now leaves that work open, and the record keeps the list. Confirm you saw it ("
				+ ACKNOWLEDGEMENT + ") to go ahead, or wait until it is done.");
	}

	/** An approval or the owner's confirmation is a person's judgement: open work needs their acknowledgement. */
	private static Allowed allowed(Milestone milestone, Work work) {
		List<WorkItem> open = work.open();
		return new Allowed(milestone.id(), open, !open.isEmpty());
	}

	private static Answer deliverablesAccepted(Milestone milestone, Work work) {
		if (work.deliverables().isEmpty()) {
			return notMet("No deliverable confirms this milestone yet; link the deliverable whose acceptance achieves it.");
		}
		List<String> open = work.deliverables().stream().filter(d -> !d.accepted()).map(Confirmation::name).toList();
		if (!open.isEmpty()) {
			return notMet("Not accepted yet: " + String.join(", ", open)
					+ ". The milestone is achieved when its acceptor accepts each deliverable.");
		}
		return new Allowed(milestone.id(), work.open(), false);
	}

	private static Answer feedingTasksDone(Milestone milestone, Work work) {
		if (work.upstream().isEmpty()) {
			return notMet("No task feeds this milestone; link the tasks whose completion achieves it.");
		}
		List<WorkItem> open = work.open();
		if (!open.isEmpty()) {
			return notMet("Feeding tasks not done yet (the whole network of work leading into it): "
					+ String.join(", ", open.stream().map(WorkItem::describe).toList()) + ".");
		}
		return new Allowed(milestone.id(), List.of(), false);
	}

	private static boolean ownerOrManager(Milestone milestone, Person person) {
		return person.manages() || person.id().equals(milestone.ownerId());
	}

	private static Refused achieved(Milestone milestone) {
		return new Refused(Ground.ACHIEVED, null,
				"This milestone was already achieved on " + milestone.achievedAt() + "; it stays achieved.");
	}

	private static Refused notPermitted() {
		return new Refused(Ground.NOT_PERMITTED, null, "Only the milestone's owner or a manager records its achievement.");
	}

	private static Refused notMet(String reason) {
		return new Refused(Ground.NOT_MET, "evidence", reason);
	}

	private static String role(ProjectRole role) {
		return role == null ? "" : role.name().toLowerCase(java.util.Locale.ROOT);
	}

}
