package dev.milepost.plan.milestone;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.Users;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
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

	private final JdbcClient jdbc;

	private final Clock clock;

	Milestones(MilestoneRepository milestones, Participants participants, Dependencies dependencies,
			MilestoneRevisions revisions, Users users, PlanEvents events, JdbcClient jdbc, Clock clock) {
		this.milestones = milestones;
		this.participants = participants;
		this.dependencies = dependencies;
		this.revisions = revisions;
		this.users = users;
		this.events = events;
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
		Milestone.refuseWork(request.durationDays(), request.effortHours(), request.assignees());
		Milestone milestone = milestones.save(Milestone.create(context.projectId(), details(context, request),
				clock.instant()));
		MilestoneView view = view(milestone);
		events.created(context, "milestone", milestone.id(), view);
		return new Versioned(view, milestone.version());
	}

	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, MilestoneRequest request) {
		Milestone milestone = load(context, id);
		Milestone.refuseWork(request.durationDays(), request.effortHours(), request.assignees());
		milestone.expectVersion(ETags.requireCurrent(ifMatch, milestone.version()));
		MilestoneView before = view(milestone);
		milestone.change(details(context, request));
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
	 * Achieves a milestone when the caller brings what its criterion asks for: the named approver's
	 * or role holder's approval, accepted deliverables, finished feeding tasks, or the owner's
	 * confirmation with evidence.
	 */
	@Transactional
	public Versioned achieve(ProjectContext context, UUID id, String statement) {
		return achieve(context, id, statement, clock.instant());
	}

	/**
	 * Records an achievement that happened at an earlier moment, as imports and the demo data do;
	 * the same evidence is required, and the moment may not lie in the future.
	 */
	@Transactional
	public Versioned achieve(ProjectContext context, UUID id, String statement, java.time.Instant at) {
		if (at.isAfter(clock.instant())) {
			throw new RuleViolationException("achievedAt", "An achievement cannot be recorded in the future.");
		}
		if (context.role() == ProjectRole.STAKEHOLDER) {
			throw new ForbiddenException("Stakeholders follow milestones; they do not achieve them.");
		}
		Milestone milestone = load(context, id);
		Evidence evidence = switch (milestone.criterion().kind()) {
			case APPROVAL_BY_PERSON, APPROVAL_BY_ROLE -> new Evidence.Approval(context.user().id(),
					context.user().username(), context.role(), statement);
			case DELIVERABLE_ACCEPTED -> {
				requireOwnerOrManager(context, milestone);
				yield deliverablesAccepted(milestone);
			}
			case ALL_FEEDING_TASKS_DONE -> {
				requireOwnerOrManager(context, milestone);
				yield feedingTasksDone(milestone);
			}
			case OWNER_CONFIRMATION -> new Evidence.OwnerConfirmation(context.user().id(), statement);
		};
		if (milestone.criterion().kind() == CriterionKind.OWNER_CONFIRMATION
				&& !milestone.ownerId().equals(context.user().id())) {
			throw new RuleViolationException("evidence", "Only the owner, " + participants.username(milestone.ownerId())
					+ ", can confirm this milestone.");
		}
		if ((milestone.criterion().kind() == CriterionKind.APPROVAL_BY_PERSON)
				&& !context.user().id().equals(milestone.criterion().approverId())) {
			throw new RuleViolationException("evidence", "This milestone needs the approval of "
					+ participants.username(milestone.criterion().approverId()) + "; nobody else can give it.");
		}
		if (milestone.criterion().kind() == CriterionKind.OWNER_CONFIRMATION
				&& (statement == null || statement.isBlank())) {
			throw new RuleViolationException("evidence",
					"Confirming a milestone needs evidence: say what shows it is reached (a link, a document, a result).");
		}
		return record(context, milestone, evidence, context.user().id(), at);
	}

	/**
	 * Achieves an approval milestone with an approval decided through an approval request, by the
	 * named approver or role holder or by the delegate they handed their turn to. The milestone
	 * checks the evidence as it checks a direct approval.
	 */
	@Transactional
	public Versioned achieveByApproval(ProjectContext context, UUID id, dev.milepost.plan.ApprovalGiven approval) {
		Milestone milestone = load(context, id);
		UUID principal = approval.onBehalfOf();
		Map<UUID, String> names = participants.usernames(
				principal == null ? List.of(approval.decidedBy()) : List.of(approval.decidedBy(), principal));
		Evidence.ThroughRequest request = new Evidence.ThroughRequest(approval.requestId(), approval.requestNumber(),
				principal, names.get(principal),
				principal == null ? null : participants.roleOf(context.projectId(), principal).orElse(null));
		Evidence evidence = new Evidence.Approval(approval.decidedBy(), names.get(approval.decidedBy()),
				participants.roleOf(context.projectId(), approval.decidedBy()).orElse(null), approval.comment(),
				request);
		return record(context, milestone, evidence, approval.decidedBy(), approval.decidedAt());
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
	 * acceptance and every deliverable confirming it is now accepted.
	 */
	@Transactional
	public void deliverableAccepted(ProjectContext context, UUID milestoneId, java.time.Instant at) {
		Milestone milestone = load(context, milestoneId);
		if (milestone.isAchieved() || milestone.criterion().kind() != CriterionKind.DELIVERABLE_ACCEPTED) {
			return;
		}
		List<Deliverable> all = deliverablesOf(milestone);
		if (all.stream().allMatch(Deliverable::accepted)) {
			record(context, milestone, new Evidence.DeliverablesAccepted(all.stream().map(Deliverable::name).toList()),
					context.user().id(), at);
		}
	}

	private Versioned record(ProjectContext context, Milestone milestone, Evidence evidence, UUID by,
			java.time.Instant at) {
		MilestoneView before = view(milestone);
		milestone.achieve(evidence, by, at);
		milestone = milestones.save(milestone);
		MilestoneView after = view(milestone);
		events.changed(context, "milestone", milestone.id(), "achieved", before, after);
		events.publish(new MilestoneAchieved(context.projectKey(), milestone.id(), milestone.name(),
				after.achievement().by(), milestone.achievedAt(), milestone.evidenceKind().name(),
				milestone.evidence()));
		return new Versioned(after, milestone.version());
	}

	private void requireOwnerOrManager(ProjectContext context, Milestone milestone) {
		if (!context.canManage() && !milestone.ownerId().equals(context.user().id())) {
			throw new ForbiddenException("Only the milestone's owner or a manager records its achievement.");
		}
	}

	private record Deliverable(String name, boolean accepted) {
	}

	private List<Deliverable> deliverablesOf(Milestone milestone) {
		return jdbc.sql("select name, accepted_at is not null as accepted from deliverable where milestone_id = :m order by name")
			.param("m", milestone.id())
			.query(Deliverable.class)
			.list();
	}

	private Evidence deliverablesAccepted(Milestone milestone) {
		List<Deliverable> all = deliverablesOf(milestone);
		if (all.isEmpty()) {
			throw new RuleViolationException("evidence",
					"No deliverable confirms this milestone yet; link the deliverable whose acceptance achieves it.");
		}
		List<String> open = all.stream().filter(d -> !d.accepted()).map(Deliverable::name).toList();
		if (!open.isEmpty()) {
			throw new RuleViolationException("evidence", "Not accepted yet: " + String.join(", ", open)
					+ ". The milestone is achieved when its acceptor accepts each deliverable.");
		}
		return new Evidence.DeliverablesAccepted(all.stream().map(Deliverable::name).toList());
	}

	private record FeedingTask(String name, int percentComplete, boolean done) {
	}

	private Evidence feedingTasksDone(Milestone milestone) {
		List<FeedingTask> feeding = jdbc.sql("""
				select t.name, t.percent_complete, t.actual_finish is not null as done
				from dependency d join task t on t.id = d.predecessor_id
				where d.successor_id = :m order by t.name""")
			.param("m", milestone.id())
			.query(FeedingTask.class)
			.list();
		if (feeding.isEmpty()) {
			throw new RuleViolationException("evidence",
					"No task feeds this milestone; link the tasks whose completion achieves it.");
		}
		List<String> open = feeding.stream()
			.filter(task -> !task.done())
			.map(task -> task.name() + " (" + task.percentComplete() + " %)")
			.toList();
		if (!open.isEmpty()) {
			throw new RuleViolationException("evidence", "Feeding tasks not done yet: " + String.join(", ", open) + ".");
		}
		return new Evidence.FeedingTasksDone(feeding.stream().map(FeedingTask::name).toList());
	}

	private Milestone.Details details(ProjectContext context, MilestoneRequest request) {
		UUID owner = participants.member(context, "owner", request.owner());
		MilestoneRequest.CriterionRequest c = request.criterion();
		UUID approver = c.approver() == null || c.approver().isBlank() ? null
				: participants.member(context, "criterion.approver", c.approver());
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
							names.get(m.achievedBy()), m.evidenceKind(), m.evidence()) : null,
					history, m.createdAt());
		}).toList();
	}

}
