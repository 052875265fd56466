package dev.milepost.approval.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalRequests;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.common.Sentences;
import dev.milepost.identity.Users;
import dev.milepost.plan.FeedingWork;
import dev.milepost.plan.PlanGovernance;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ApprovalRequests} through {@link Approvals}, the service the API uses. */
@Service
class ApprovalRequestsService implements ApprovalRequests {

	private final Approvals approvals;

	private final ApprovalRequestRepository requests;

	private final Users users;

	private final JdbcClient jdbc;

	private final PlanGovernance governance;

	private final FeedingWork work;

	private final Readiness readiness;

	ApprovalRequestsService(Approvals approvals, ApprovalRequestRepository requests, Users users,
			JdbcClient jdbc, PlanGovernance governance, FeedingWork work, Readiness readiness) {
		this.approvals = approvals;
		this.requests = requests;
		this.users = users;
		this.jdbc = jdbc;
		this.governance = governance;
		this.work = work;
		this.readiness = readiness;
	}

	@Override
	public List<Due> dueBetween(LocalDate from, LocalDate to) {
		List<UUID> ids = jdbc.sql("select id from approval_request where status = 'PENDING' and due_date between :from and :to")
			.param("from", from)
			.param("to", to)
			.query(UUID.class)
			.list();
		return due(ids);
	}

	@Override
	public List<Due> pending(ProjectContext context) {
		List<UUID> ids = jdbc.sql("""
				select id from approval_request where project_id = :project and status = 'PENDING'
				order by due_date, request_number""")
			.param("project", context.projectId())
			.query(UUID.class)
			.list();
		return due(ids);
	}

	/** The requests in the order of {@code ids}, each with who can decide it now. */
	private List<Due> due(List<UUID> ids) {
		Map<UUID, ApprovalRequest> found = new HashMap<>();
		requests.findAllById(ids).forEach(request -> found.put(request.id(), request));
		Set<UUID> waiting = readiness.waiting(found.values());
		List<Due> due = new ArrayList<>();
		for (UUID id : ids) {
			ApprovalRequest request = found.get(id);
			if (request == null) {
				continue;
			}
			List<String> deciders = new ArrayList<>();
			for (ApprovalStep turn : waiting.contains(id) ? List.<ApprovalStep>of() : request.openTurns()) {
				UUID person = turn.delegated() ? turn.delegateId() : turn.approverId();
				if (person != null) {
					users.findById(person).ifPresent(user -> deciders.add(user.username()));
				}
				else if (turn.approverRole() != null) {
					deciders.add("role:" + turn.approverRole().name());
				}
			}
			due.add(new Due(request.projectKey(), request.id(), request.number(), request.title(), request.dueDate(),
					deciders));
		}
		return due;
	}

	@Override
	@Transactional
	public UUID open(ProjectContext context, NewRequest request) {
		return open(context, request, List.of());
	}

	@Override
	@Transactional
	public UUID open(ProjectContext context, NewRequest request, List<String> approverUsernames) {
		ApprovalBodies.SubjectBody subject = request.milestoneId() == null ? null
				: new ApprovalBodies.SubjectBody(SubjectKind.MILESTONE, request.milestoneId());
		List<ApprovalBodies.ApproverBody> approvers = new java.util.ArrayList<>();
		approverUsernames.forEach(username -> approvers.add(new ApprovalBodies.ApproverBody(username, null)));
		request.approverRoles().forEach(role -> approvers.add(new ApprovalBodies.ApproverBody(null, role)));
		return approvals.create(context, new ApprovalBodies.NewApproval(request.title(), request.description(),
				subject, approvers, request.mode(), request.dueDate()), after(context, request)).approval().id();
	}

	/** The steps a new request follows, each of this project; refused (422) naming one that is not. */
	private List<ApprovalPrerequisite> after(ProjectContext context, NewRequest request) {
		List<ApprovalPrerequisite> after = new ArrayList<>();
		Map<UUID, WorkItem> tasks = work.tasks(context.projectId(), request.afterTasks());
		for (UUID id : request.afterTasks()) {
			WorkItem task = tasks.get(id);
			if (task == null) {
				throw new RuleViolationException("afterTasks",
						"No task " + id + " exists in project " + context.projectKey() + ".");
			}
			after.add(ApprovalPrerequisite.task(id, task.name()));
		}
		Map<UUID, ApprovalRequest> earlier = new HashMap<>();
		requests.findAllById(request.afterApprovals())
			.stream()
			.filter(r -> r.projectId().equals(context.projectId()))
			.forEach(r -> earlier.put(r.id(), r));
		for (UUID id : request.afterApprovals()) {
			ApprovalRequest before = earlier.get(id);
			if (before == null) {
				throw new RuleViolationException("afterApprovals",
						"No approval request " + id + " exists in project " + context.projectKey() + ".");
			}
			after.add(ApprovalPrerequisite.approval(id, before.title()));
		}
		return after;
	}

	@Override
	public Set<UUID> waiting(ProjectContext context, List<UUID> ids) {
		return readiness.waiting(requests.findAllById(ids)
			.stream()
			.filter(r -> r.projectId().equals(context.projectId()))
			.toList());
	}

	@Override
	public Map<UUID, ApprovalStatus> statuses(ProjectContext context, List<UUID> ids) {
		Set<UUID> wanted = new HashSet<>(ids);
		Map<UUID, ApprovalStatus> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, status from approval_request where project_id = :p")
			.param("p", context.projectId())
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				if (wanted.contains(id)) {
					found.put(id, ApprovalStatus.valueOf(rs.getString(2)));
				}
				return id;
			})
			.list();
		return found;
	}

	@Override
	public List<Summary> about(ProjectContext context, UUID subjectId) {
		return approvals.list(context, null, subjectId, Paging.of(0, 100))
			.items()
			.stream()
			.map(view -> new Summary(view.id(), view.number(), view.title(), view.status(), view.dueDate(),
					view.overdue(), view.approvers().stream().map(ApprovalRequestsService::turn).toList()))
			.toList();
	}

	private static String turn(ApprovalView.ApproverView approver) {
		String who = approver.username() != null ? approver.username()
				: "role " + approver.role().name().toLowerCase(Locale.ROOT);
		String state = approver.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		if (approver.decision() != null && approver.decision().by() != null && approver.username() == null) {
			state += " by " + approver.decision().by();
		}
		return who + ": " + state;
	}

	@Override
	@Transactional
	public UUID askForMilestoneApproval(ProjectContext context, UUID milestoneId, String title, LocalDate dueDate) {
		if (!context.canManage()) {
			throw new ForbiddenException("Only the project's managers can ask for an approval.");
		}
		ProjectPlan.Milestone milestone = governance.milestone(context, milestoneId)
			.orElseThrow(() -> NotFoundException.of("milestone", milestoneId));
		if (milestone.approver() == null && milestone.role() == null) {
			throw new RuleViolationException("milestone",
					"This milestone is not reached by an approval; its criterion is: "
							+ Sentences.end(milestone.criterionText()));
		}
		if (milestone.achieved()) {
			throw new RuleViolationException("milestone", "This milestone is already achieved.");
		}
		ApprovalBodies.ApproverBody approver = milestone.approver() != null
				? new ApprovalBodies.ApproverBody(milestone.approver(), null)
				: new ApprovalBodies.ApproverBody(null, ProjectRole.valueOf(milestone.role()));
		String named = title == null || title.isBlank() ? "Approve: " + milestone.name() : title.strip();
		return approvals.create(context, new ApprovalBodies.NewApproval(named, null,
				new ApprovalBodies.SubjectBody(SubjectKind.MILESTONE, milestoneId), List.of(approver), ApprovalMode.ALL,
				dueDate)).approval().id();
	}

}
