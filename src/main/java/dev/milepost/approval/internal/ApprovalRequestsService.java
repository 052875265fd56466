package dev.milepost.approval.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import dev.milepost.plan.ProjectContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ApprovalRequests} through {@link Approvals}, the service the API uses. */
@Service
class ApprovalRequestsService implements ApprovalRequests {

	private final Approvals approvals;

	private final ApprovalRequestRepository requests;

	private final dev.milepost.identity.Users users;

	private final JdbcClient jdbc;

	ApprovalRequestsService(Approvals approvals, ApprovalRequestRepository requests, dev.milepost.identity.Users users,
			JdbcClient jdbc) {
		this.approvals = approvals;
		this.requests = requests;
		this.users = users;
		this.jdbc = jdbc;
	}

	@Override
	public List<Due> dueBetween(java.time.LocalDate from, java.time.LocalDate to) {
		List<UUID> ids = jdbc.sql("select id from approval_request where status = 'PENDING' and due_date between :from and :to")
			.param("from", from)
			.param("to", to)
			.query(UUID.class)
			.list();
		List<Due> due = new java.util.ArrayList<>();
		for (ApprovalRequest request : requests.findAllById(ids)) {
			List<String> deciders = new java.util.ArrayList<>();
			for (ApprovalStep turn : request.openTurns()) {
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
				subject, approvers, request.mode(), request.dueDate())).approval().id();
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

}
