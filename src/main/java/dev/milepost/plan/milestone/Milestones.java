package dev.milepost.plan.milestone;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.MultiRow;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.Rows;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.Users;
import dev.milepost.plan.ApprovalGiven;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.FeedingWork;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.support.Participants;
import dev.milepost.plan.support.PlanEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The checkpoints of a project and their achievement. */
@Service
public class Milestones {

	private final MilestoneRepository milestones;

	private final Participants participants;

	private final Dependencies dependencies;

	private final MilestoneRevisions revisions;

	private final Users users;

	private final PlanEvents events;

	private final FeedingWork feedingWork;

	private final JdbcClient jdbc;

	private final Clock clock;

	Milestones(MilestoneRepository milestones, Participants participants, Dependencies dependencies,
			MilestoneRevisions revisions, Users users, PlanEvents events, FeedingWork feedingWork, JdbcClient jdbc,
			Clock clock) {
		this.milestones = milestones;
		this.participants = participants;
		this.dependencies = dependencies;
		this.revisions = revisions;
		this.users = users;
		this.events = events;
		this.feedingWork = feedingWork;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Versioned(MilestoneView milestone, long version) {
	}

	public PageResponse<MilestoneView> list(ProjectContext context, String query, String owner, Boolean achieved,
			String tag, Paging paging) {
		UUID ownerId = owner == null ? null : users.findByUsername(owner).map(u -> u.id()).orElse(new UUID(0, 0));
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		List<Milestone> matching = milestones.findByProjectId(context.projectId())
			.stream()
			.filter(m -> q == null || m.name().toLowerCase(Locale.ROOT).contains(q))
			.filter(m -> ownerId == null || m.ownerId().equals(ownerId))
			.filter(m -> achieved == null || m.isAchieved() == achieved)
			.filter(m -> tag == null || m.tags().contains(tag))
			.sorted(Comparator.comparing(Milestone::targetDate).thenComparing(Milestone::name))
			.toList();
		return PageResponse.of(views(paging.slice(matching)), paging, matching.size());
	}

	public Versioned read(ProjectContext context, UUID id) {
		Milestone milestone = load(context, id);
		return new Versioned(view(milestone), milestone.version());
	}

	public MilestoneRequest requestOf(ProjectContext context, UUID id) {
		MilestoneView view = view(load(context, id));
		MilestoneView.CriterionView c = view.criterion();
		return new MilestoneRequest(view.name(), view.description(), view.targetDate(), view.owner(),
				new MilestoneRequest.CriterionRequest(c.kind(), c.text(), c.approver(), c.role()), view.tags(), null,
				null, null);
	}

	@Transactional
	public Versioned create(ProjectContext context, MilestoneRequest request) {
		Milestone milestone = milestones.save(draft(context, request, participants.of(context)));
		MilestoneView view = view(milestone);
		events.created(context, "milestone", milestone.id(), view);
		return new Versioned(view, milestone.version());
	}

	/**
	 * A new milestone checked by the same rules as {@link #create}, not yet stored: what a bulk
	 * change collects before it stores them all with {@link #insertAll}.
	 */
	public Milestone draft(ProjectContext context, MilestoneRequest request, Participants.Members members) {
		Milestone.refuseWork(request.durationDays(), request.effortHours(), request.assignees());
		return Milestone.create(context.projectId(), details(members, request, null), clock.instant());
	}

	/** Stores new milestones (from {@link #draft}) in batches; the caller puts them on the record. */
	@Transactional
	public void insertAll(List<Milestone> drafts) {
		// 200 rows a statement, the columns from the aggregate itself (newRow), no Spring Data mapping per entity;
		// the figures are in BENCHMARKS.md, "Bulk plan changes"
		MultiRow.insert(jdbc, """
				insert into milestone (id, project_id, name, description, target_date, owner_id, criterion_kind,
				                       criterion_text, criterion_approver_id, criterion_role, tags, created_at, version)""",
				"(:id, :projectId, :name, :description, :targetDate, :ownerId, :criterionKind, :criterionText, "
						+ ":approverId, :role, :tags, :createdAt, 0)",
				null, drafts.stream().map(Milestone::newRow).toList());
	}

	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, MilestoneRequest request) {
		Milestone milestone = load(context, id);
		Milestone.refuseWork(request.durationDays(), request.effortHours(), request.assignees());
		milestone.expectVersion(ETags.requireCurrent(ifMatch, milestone.version()));
		MilestoneView before = view(milestone);
		milestone.change(details(participants.of(context), request, milestone));
		milestone = milestones.save(milestone);
		if (!milestone.targetDate().equals(before.targetDate())) {
			revisions.record(context.projectId(), id, new MilestoneRevisions.Stored(before.targetDate(),
					milestone.targetDate(), null, context.user().id(), clock.instant(), null, null, null, null));
		}
		MilestoneView after = view(milestone);
		events.updated(context, "milestone", id, before, after);
		return new Versioned(after, milestone.version());
	}

	@Transactional
	public void delete(ProjectContext context, UUID id, boolean removeLinks) {
		Milestone milestone = load(context, id);
		List<String> links = dependencies.linksOf(context, id);
		List<String> deliverables = jdbc.sql("select name from deliverable where milestone_id = :m order by name")
			.param("m", id)
			.query(String.class)
			.list();
		if (!removeLinks && (!links.isEmpty() || !deliverables.isEmpty())) {
			throw new ConflictException("Milestone '" + milestone.name() + "' is linked: "
					+ String.join(", ", links) + (deliverables.isEmpty() ? ""
							: (links.isEmpty() ? "" : "; ") + "deliverables confirming it: " + String.join(", ", deliverables))
					+ ". Delete with removeLinks=true to remove those links too.");
		}
		MilestoneView before = view(milestone);
		dependencies.removeLinksOf(context, id);
		revisions.deleteOf(id);
		if (!deliverables.isEmpty()) {
			jdbc.sql("update deliverable set milestone_id = null, version = version + 1 where milestone_id = :m")
				.param("m", id)
				.update();
			events.changed(context, "milestone", id, "deliverables-unlinked", Map.of("deliverables", deliverables),
					Map.of());
		}
		milestones.delete(milestone);
		events.deleted(context, "milestone", id, before);
	}

	/**
	 * Whether the caller may achieve the milestone themselves now, as {@link MilestoneAchievement}
	 * answers it: what the milestone page asks to offer its form, and what
	 * {@code GET …/achievement} answers.
	 */
	public MilestoneAchievement.Answer achievement(ProjectContext context, UUID id) {
		Milestone milestone = load(context, id);
		return MilestoneAchievement.mayAchieve(facts(milestone), work(milestone), person(context));
	}

	/**
	 * Achieves a milestone when {@link MilestoneAchievement} allows the caller with what they bring:
	 * the approval's comment or the evidence, and whether they saw the work upstream still open.
	 */
	@Transactional
	public Versioned achieve(ProjectContext context, UUID id, String statement, boolean acknowledgesOpenWork) {
		return achieve(context, id, statement, acknowledgesOpenWork, clock.instant());
	}

	/**
	 * Achieves a milestone on the day it happened, {@code achievedOn}, earlier than today: the
	 * owner's or a manager's late record, as {@link MilestoneAchievement#backDated} allows it. The
	 * achievement counts from noon UTC of that day (the same date in every time zone within eleven
	 * hours of UTC) and keeps when it was recorded, which the record shows as back-dated. Null or
	 * today achieves it now.
	 */
	@Transactional
	public Versioned achieve(ProjectContext context, UUID id, String statement, boolean acknowledgesOpenWork,
			java.time.LocalDate achievedOn) {
		Instant now = clock.instant();
		java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
		if (achievedOn == null || achievedOn.equals(today)) {
			return achieve(context, id, statement, acknowledgesOpenWork, now);
		}
		Milestone milestone = load(context, id);
		java.time.LocalDate start = jdbc.sql("select start_date from project where id = :p")
			.param("p", context.projectId())
			.query(java.time.LocalDate.class)
			.single();
		MilestoneAchievement.Work work = work(milestone);
		MilestoneAchievement.Allowed allowed = permit(MilestoneAchievement.backDated(facts(milestone), work,
				person(context), statement, acknowledgesOpenWork, achievedOn, today, start));
		return record(context, milestone, allowed, evidence(context, milestone, work, statement), context.user().id(),
				achievedOn.atTime(java.time.LocalTime.NOON).toInstant(java.time.ZoneOffset.UTC), now);
	}

	/**
	 * Whether the caller may record an achievement with an earlier date, as
	 * {@link MilestoneAchievement#mayBackDate} answers it: what the milestone page asks to offer the
	 * date field.
	 */
	public MilestoneAchievement.Answer backDating(ProjectContext context, UUID id) {
		Milestone milestone = load(context, id);
		return MilestoneAchievement.mayBackDate(facts(milestone), work(milestone), person(context));
	}

	/**
	 * Records an achievement that happened at an earlier moment, as imports and the demo data do;
	 * the same rule applies, and the moment may not lie in the future.
	 */
	@Transactional
	public Versioned achieve(ProjectContext context, UUID id, String statement, boolean acknowledgesOpenWork,
			Instant at) {
		if (at.isAfter(clock.instant())) {
			throw new RuleViolationException("achievedAt", "An achievement cannot be recorded in the future.");
		}
		Milestone milestone = load(context, id);
		MilestoneAchievement.Work work = work(milestone);
		MilestoneAchievement.Allowed allowed = permit(MilestoneAchievement.achieve(facts(milestone), work,
				person(context), statement, acknowledgesOpenWork));
		return record(context, milestone, allowed, evidence(context, milestone, work, statement), context.user().id(),
				at);
	}

	private static Evidence evidence(ProjectContext context, Milestone milestone, MilestoneAchievement.Work work,
			String statement) {
		return switch (milestone.criterion().kind()) {
			case APPROVAL_BY_PERSON, APPROVAL_BY_ROLE -> new Evidence.Approval(context.user().id(),
					context.user().username(), statement);
			case DELIVERABLE_ACCEPTED -> accepted(work);
			case ALL_FEEDING_TASKS_DONE -> new Evidence.FeedingTasksDone(
					work.upstream().stream().map(WorkItem::name).toList());
			case OWNER_CONFIRMATION -> new Evidence.OwnerConfirmation(context.user().id(), statement);
		};
	}

	/**
	 * Achieves an approval milestone with the first of the approvals, decided through an approval
	 * request, that {@link MilestoneAchievement} accepts: the named approver's or a role holder's,
	 * or their delegate's on their behalf. Nothing happens when none is accepted, or the milestone
	 * was achieved or deleted since the request was made; a refusal for open work nobody
	 * acknowledged stops the decision.
	 */
	@Transactional
	public Optional<Versioned> achieveByApproval(ProjectContext context, UUID id, List<ApprovalGiven> approvals) {
		Milestone milestone = milestones.findById(id)
			.filter(m -> m.projectId().equals(context.projectId()) && !m.isAchieved())
			.orElse(null);
		if (milestone == null) {
			return Optional.empty();
		}
		MilestoneAchievement.Milestone facts = facts(milestone);
		MilestoneAchievement.Work work = work(milestone);
		for (ApprovalGiven approval : approvals) {
			UUID principal = approval.onBehalfOf() != null ? approval.onBehalfOf() : approval.decidedBy();
			ProjectRole principalRole = participants.roleOf(context.projectId(), principal).orElse(null);
			MilestoneAchievement.Answer answer = MilestoneAchievement.throughApproval(facts, work,
					new MilestoneAchievement.Person(principal, principalRole, false), approval.openWorkAcknowledged());
			if (answer instanceof MilestoneAchievement.Refused refused) {
				if (refused.ground() == MilestoneAchievement.Ground.OPEN_WORK_UNSEEN) {
					throw refused.asException();
				}
				continue;
			}
			Map<UUID, String> names = participants.usernames(List.of(approval.decidedBy(), principal));
			UUID onBehalf = approval.onBehalfOf();
			Evidence evidence = new Evidence.Approval(approval.decidedBy(), names.get(approval.decidedBy()),
					approval.comment(), new Evidence.ThroughRequest(approval.requestId(), approval.requestNumber(),
							onBehalf, names.get(onBehalf)));
			return Optional.of(record(context, milestone, (MilestoneAchievement.Allowed) answer, evidence,
					approval.decidedBy(), approval.decidedAt()));
		}
		return Optional.empty();
	}

	/**
	 * Moves a milestone's target as agreed through a re-plan, keeping the move on its revision
	 * history. An achieved milestone's target does not move.
	 */
	@Transactional
	public Versioned replan(ProjectContext context, UUID id, dev.milepost.plan.TargetRevision revision) {
		Milestone milestone = load(context, id);
		MilestoneView before = view(milestone);
		milestone.moveTarget(revision.newTarget());
		milestone = milestones.save(milestone);
		revisions.record(context.projectId(), id, new MilestoneRevisions.Stored(before.targetDate(),
				revision.newTarget(), revision.reason(), revision.proposedBy(), revision.proposedAt(),
				revision.agreedBy(), revision.agreedOnBehalfOf(), revision.agreedAt(), revision.approvalRequest()));
		MilestoneView after = view(milestone);
		events.changed(context, "milestone", id, "replanned", before, after);
		return new Versioned(after, milestone.version());
	}

	/**
	 * Called when a deliverable is accepted: achieves the milestone it confirms if its criterion is
	 * acceptance and every deliverable confirming it is now accepted. The acceptance is the
	 * evidence; the work upstream still open goes on the record with it.
	 */
	@Transactional
	public void deliverableAccepted(ProjectContext context, UUID milestoneId, Instant at) {
		Milestone milestone = load(context, milestoneId);
		if (milestone.isAchieved() || milestone.criterion().kind() != CriterionKind.DELIVERABLE_ACCEPTED) {
			return;
		}
		MilestoneAchievement.Work work = work(milestone);
		if (MilestoneAchievement.byAcceptance(facts(milestone), work) instanceof MilestoneAchievement.Allowed allowed) {
			record(context, milestone, allowed, accepted(work), context.user().id(), at);
		}
	}

	private Versioned record(ProjectContext context, Milestone milestone, MilestoneAchievement.Allowed allowed,
			Evidence evidence, UUID by, Instant at) {
		return record(context, milestone, allowed, evidence, by, at, null);
	}

	/** {@code recordedAt}: when a back-dated achievement was recorded, null when not back-dated. */
	private Versioned record(ProjectContext context, Milestone milestone, MilestoneAchievement.Allowed allowed,
			Evidence evidence, UUID by, Instant at, Instant recordedAt) {
		MilestoneView before = view(milestone);
		milestone.achieve(allowed, evidence, by, at, recordedAt);
		milestone = milestones.save(milestone);
		MilestoneView after = view(milestone);
		events.changed(context, "milestone", milestone.id(), "achieved", before, after);
		events.publish(new MilestoneAchieved(context.projectKey(), milestone.id(), milestone.name(),
				after.achievement().by(), milestone.achievedAt(), milestone.evidenceKind().name(),
				milestone.evidence()));
		return new Versioned(after, milestone.version());
	}

	private static Evidence accepted(MilestoneAchievement.Work work) {
		return new Evidence.DeliverablesAccepted(
				work.deliverables().stream().map(MilestoneAchievement.Confirmation::name).toList());
	}

	private static MilestoneAchievement.Allowed permit(MilestoneAchievement.Answer answer) {
		if (answer instanceof MilestoneAchievement.Refused refused) {
			throw refused.asException();
		}
		return (MilestoneAchievement.Allowed) answer;
	}

	private static MilestoneAchievement.Person person(ProjectContext context) {
		return new MilestoneAchievement.Person(context.user().id(), context.role(), context.canManage());
	}

	private MilestoneAchievement.Milestone facts(Milestone milestone) {
		Milestone.Criterion c = milestone.criterion();
		Map<UUID, String> names = participants.usernames(
				c.approverId() == null ? List.of(milestone.ownerId()) : List.of(milestone.ownerId(), c.approverId()));
		return new MilestoneAchievement.Milestone(milestone.id(), milestone.name(), c.kind(), c.text(),
				milestone.ownerId(), names.get(milestone.ownerId()), c.approverId(), names.get(c.approverId()), c.role(),
				milestone.achievedAt());
	}

	/** The whole upstream network's tasks and the deliverables confirming the milestone. */
	private MilestoneAchievement.Work work(Milestone milestone) {
		List<MilestoneAchievement.Confirmation> deliverables = jdbc
			.sql("select name, accepted_at is not null as accepted from deliverable where milestone_id = :m order by name")
			.param("m", milestone.id())
			.query(Rows.of(MilestoneAchievement.Confirmation.class))
			.list();
		return new MilestoneAchievement.Work(feedingWork.upstreamOf(milestone.projectId(), milestone.id()),
				deliverables);
	}

	/**
	 * The request with people resolved to active members. People an existing milestone already
	 * names stay as they are, so a milestone whose owner was deactivated can still be edited
	 * (and handed to someone else).
	 */
	private Milestone.Details details(Participants.Members members, MilestoneRequest request, Milestone current) {
		Map<UUID, String> named = current == null ? Map.of() : participants.usernames(java.util.stream.Stream
			.of(current.ownerId(), current.criterion().approverId())
			.filter(java.util.Objects::nonNull)
			.toList());
		UUID owner = current != null && java.util.Objects.equals(request.owner(), named.get(current.ownerId()))
				? current.ownerId() : members.member("owner", request.owner());
		MilestoneRequest.CriterionRequest c = request.criterion();
		UUID approver = c.approver() == null || c.approver().isBlank() ? null
				: current != null && c.approver().equals(named.get(current.criterion().approverId()))
						? current.criterion().approverId()
						: members.member("criterion.approver", c.approver());
		return new Milestone.Details(request.name(), request.description(), request.targetDate(), owner,
				new Milestone.Criterion(c.kind(), c.text(), approver, c.role()), request.tags());
	}

	private Milestone load(ProjectContext context, UUID id) {
		return milestones.findById(id)
			.filter(milestone -> milestone.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("milestone", id));
	}

	private MilestoneView view(Milestone milestone) {
		return views(List.of(milestone)).get(0);
	}

	private List<MilestoneView> views(List<Milestone> page) {
		Map<UUID, List<MilestoneRevisions.Stored>> moves = revisions.of(page.stream().map(Milestone::id).toList());
		Map<UUID, String> names = participants.usernames(java.util.stream.Stream.concat(
				page.stream().flatMap(m -> java.util.stream.Stream.of(m.ownerId(), m.criterion().approverId(),
						m.achievedBy())),
				moves.values().stream().flatMap(List::stream).flatMap(MilestoneRevisions.Stored::people))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		return page.stream().map(m -> {
			Milestone.Criterion c = m.criterion();
			List<MilestoneView.Revision> history = moves.getOrDefault(m.id(), List.of())
				.stream()
				.map(r -> new MilestoneView.Revision(r.from(), r.to(), r.reason(), names.get(r.proposedBy()),
						r.proposedAt(), names.get(r.agreedBy()), names.get(r.onBehalfOf()), r.agreedAt(),
						r.approvalRequest()))
				.toList();
			return new MilestoneView(m.id(), m.name(), m.description(), m.targetDate(),
					history.isEmpty() ? m.targetDate() : history.get(0).from(), names.get(m.ownerId()),
					new MilestoneView.CriterionView(c.kind(), c.text(), names.get(c.approverId()), c.role()), m.tags(),
					m.isAchieved(), m.isAchieved() ? new MilestoneView.Achievement(m.achievedAt(),
							names.get(m.achievedBy()), m.evidenceKind(), m.evidence(), m.achievedOpenWork(),
							m.achievementRecordedAt() == null ? null
									: new MilestoneView.BackDated(
											java.time.LocalDate.ofInstant(m.achievedAt(), java.time.ZoneOffset.UTC),
											m.achievementRecordedAt(), names.get(m.achievedBy())))
							: null,
					history, m.createdAt());
		}).toList();
	}

}
