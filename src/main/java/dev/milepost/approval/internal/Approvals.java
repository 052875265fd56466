package dev.milepost.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalRequested;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.ETags;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.PlanGovernance;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPeople;
import dev.milepost.plan.ProjectRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening approval requests, changing them while pending, and reading them. */
@Service
class Approvals {

	/** Pending first, then the earliest due, then the oldest. */
	static final Comparator<ApprovalRequest> INBOX_ORDER = Comparator
		.comparing((ApprovalRequest r) -> !r.isPending())
		.thenComparing(ApprovalRequest::dueDate)
		.thenComparing(ApprovalRequest::requestedAt);

	private final ApprovalRequestRepository requests;

	private final ApprovalViews views;

	private final Readiness readiness;

	private final ApprovalRecord record;

	private final ProjectAccess access;

	private final ProjectPeople people;

	private final PlanGovernance plan;

	private final CurrentUsers currentUsers;

	private final JdbcClient jdbc;

	private final Clock clock;

	Approvals(ApprovalRequestRepository requests, ApprovalViews views, Readiness readiness, ApprovalRecord record,
			ProjectAccess access, ProjectPeople people, PlanGovernance plan, CurrentUsers currentUsers, JdbcClient jdbc,
			Clock clock) {
		this.requests = requests;
		this.views = views;
		this.readiness = readiness;
		this.record = record;
		this.access = access;
		this.people = people;
		this.plan = plan;
		this.currentUsers = currentUsers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Versioned(ApprovalView approval, long version) {
	}

	PageResponse<ApprovalView> list(ProjectContext context, ApprovalStatus status, UUID subject, Paging paging) {
		List<ApprovalRequest> matching = requests.findByProjectId(context.projectId())
			.stream()
			.filter(r -> status == null || r.status() == status)
			.filter(r -> subject == null || subject.equals(r.subject().id()))
			.sorted(INBOX_ORDER)
			.toList();
		return PageResponse.of(views.of(paging.slice(matching)), paging, matching.size());
	}

	/**
	 * The approvals of every project the caller may see, or with {@code mine} only those they have
	 * a part in (named, by the role they hold, delegated to, or decided): their inbox.
	 */
	PageResponse<ApprovalView> acrossProjects(boolean mine, ApprovalStatus status, Paging paging) {
		CurrentUser user = currentUsers.require();
		Map<UUID, ProjectPeople.Membership> visible = people.visibleTo(user)
			.stream()
			.collect(Collectors.toMap(ProjectPeople.Membership::projectId, Function.identity()));
		List<ApprovalRequest> matching = visible.isEmpty() ? List.of()
				: requests.findByProjectIdIn(visible.keySet())
					.stream()
					.filter(r -> status == null || r.status() == status)
					.filter(r -> !mine || r.involves(user.id(), visible.get(r.projectId()).role()))
					.sorted(INBOX_ORDER)
					.toList();
		return PageResponse.of(views.of(paging.slice(matching)), paging, matching.size());
	}

	/**
	 * The pending requests, across the projects the person is in, that they may decide now (their
	 * turn, and not waiting for the steps they follow); earliest due first.
	 */
	List<ApprovalView> decidableNow(CurrentUser user) {
		Map<UUID, ProjectPeople.Membership> visible = people.visibleTo(user)
			.stream()
			.collect(Collectors.toMap(ProjectPeople.Membership::projectId, Function.identity()));
		return visible.isEmpty() ? List.of()
				: views.of(ready(requests.findByProjectIdIn(visible.keySet())
					.stream()
					.filter(r -> r.decidableBy(user.id(), visible.get(r.projectId()).role()))
					.sorted(INBOX_ORDER)
					.toList()));
	}

	/** Which of the project's requests the caller may decide now. */
	Set<UUID> decidableNow(ProjectContext context) {
		return ready(requests.findByProjectId(context.projectId())
			.stream()
			.filter(r -> r.decidableBy(context.user().id(), context.role()))
			.toList()).stream().map(ApprovalRequest::id).collect(Collectors.toSet());
	}

	/** The requests that do not wait for steps they follow. */
	private List<ApprovalRequest> ready(List<ApprovalRequest> candidates) {
		Set<UUID> waiting = readiness.waiting(candidates);
		return candidates.stream().filter(r -> !waiting.contains(r.id())).toList();
	}

	Versioned read(ProjectContext context, UUID id) {
		ApprovalRequest request = load(context, id);
		return new Versioned(views.of(request), request.version());
	}

	ApprovalBodies.Changes changesOf(ProjectContext context, UUID id) {
		ApprovalRequest request = load(context, id);
		return new ApprovalBodies.Changes(request.title(), request.description(), request.dueDate());
	}

	@Transactional
	Versioned create(ProjectContext context, ApprovalBodies.NewApproval body) {
		return create(context, body, List.of());
	}

	/** A new request that waits for the steps named (resolved already) before it may be decided. */
	@Transactional
	Versioned create(ProjectContext context, ApprovalBodies.NewApproval body, List<ApprovalPrerequisite> after) {
		ApprovalRequest.Subject subject = subject(context, body.subject());
		List<ApprovalStep> approvers = approvers(context, body.approvers());
		return open(context, body.title(), body.description(), subject, body.mode(), body.dueDate(), approvers,
				after);
	}

	/** Opens a request whose subject, approvers and the steps it follows are resolved already; numbered in its project. */
	@Transactional
	Versioned open(ProjectContext context, String title, String description, ApprovalRequest.Subject subject,
			ApprovalMode mode, LocalDate dueDate, List<ApprovalStep> approvers, List<ApprovalPrerequisite> after) {
		access.lock(context);
		long number = jdbc.sql("select coalesce(max(request_number), 0) + 1 from approval_request where project_id = :p")
			.param("p", context.projectId())
			.query(Long.class)
			.single();
		ApprovalRequest request = requests.save(ApprovalRequest.open(new ApprovalRequest.Opening(context.projectId(),
				context.projectKey(), number, title, description, subject, mode, dueDate, approvers,
				context.user().id(), after), clock.instant(), LocalDate.now(clock)));
		ApprovalView view = views.of(request);
		record.changed(context, null, "requested", view);
		record.publish(new ApprovalRequested(context.projectKey(), request.id(), number, request.title(),
				subject.kind(), subject.id(), request.mode(),
				view.approvers().stream().map(a -> a.username() != null ? a.username() : "role:" + a.role()).toList(),
				request.dueDate(), context.actor(), request.requestedAt()));
		return new Versioned(view, request.version());
	}

	@Transactional
	Versioned update(ProjectContext context, UUID id, String ifMatch, ApprovalBodies.Changes changes) {
		ApprovalRequest request = loadForUpdate(context, id);
		ETags.requireCurrent(ifMatch, request.version());
		ApprovalView before = views.of(request);
		request.change(changes.title(), changes.description(), changes.dueDate(), LocalDate.now(clock));
		request = requests.save(request);
		ApprovalView after = views.of(request);
		record.changed(context, before, "updated", after);
		return new Versioned(after, request.version());
	}

	ApprovalRequest load(ProjectContext context, UUID id) {
		return requests.findById(id)
			.filter(request -> request.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("approval request", id));
	}

	/** Loads the request after locking its row, so decisions on one request are taken one at a time. */
	ApprovalRequest loadForUpdate(ProjectContext context, UUID id) {
		jdbc.sql("select id from approval_request where id = :id and project_id = :p for update")
			.param("id", id)
			.param("p", context.projectId())
			.query(UUID.class)
			.optional();
		return load(context, id);
	}

	private ApprovalRequest.Subject subject(ProjectContext context, ApprovalBodies.SubjectBody body) {
		if (body == null || body.kind() == SubjectKind.FREE) {
			if (body != null && body.id() != null) {
				throw new RuleViolationException("subject.id",
						"A free question is about no milestone or deliverable; leave the id out.");
			}
			return ApprovalRequest.Subject.free();
		}
		if (body.kind() == SubjectKind.REPLAN) {
			throw new RuleViolationException("subject.kind", "A re-plan is proposed with POST /api/v1/projects/"
					+ context.projectKey() + "/milestones/{id}/replan, which asks the sponsor.");
		}
		String kind = body.kind() == SubjectKind.MILESTONE ? "milestone" : "deliverable";
		if (body.id() == null) {
			throw new RuleViolationException("subject.id", "Name the " + kind + " the request is about by its id.");
		}
		String name = (body.kind() == SubjectKind.MILESTONE
				? plan.milestone(context, body.id()).map(m -> m.name())
				: plan.deliverable(context, body.id()).map(d -> d.name()))
			.orElseThrow(() -> new RuleViolationException("subject.id",
					"No " + kind + " " + body.id() + " exists in project " + context.projectKey() + "."));
		return new ApprovalRequest.Subject(body.kind(), body.id(), name, null);
	}

	/**
	 * Resolves each approver to a member who may decide (not a stakeholder) or to a role someone
	 * holds; each named once. Refusals name the entry, like {@code approvers[1].username}.
	 */
	private List<ApprovalStep> approvers(ProjectContext context, List<ApprovalBodies.ApproverBody> bodies) {
		List<ApprovalStep> steps = new ArrayList<>();
		Set<Object> named = new HashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			ApprovalBodies.ApproverBody body = bodies.get(i);
			String field = "approvers[" + i + "]";
			boolean byName = body.username() != null && !body.username().isBlank();
			if (byName == (body.role() != null)) {
				throw new RuleViolationException(field,
						"Name each approver either by username or by project role, not both and not neither.");
			}
			if (byName) {
				ProjectPeople.Person person = people.member(context, field + ".username", body.username());
				requireNotStakeholder(person.role(), field + ".username", person.username() + " is a stakeholder");
				requireOnce(named.add(person.id()), field + ".username", person.username());
				steps.add(ApprovalStep.person(person.id()));
			}
			else {
				requireNotStakeholder(body.role(), field + ".role", "The stakeholder role");
				if (!people.anyoneHolds(context, body.role())) {
					throw new RuleViolationException(field + ".role", "Nobody holds the role " + body.role()
							+ " in project " + context.projectKey() + "; name a person or another role.");
				}
				requireOnce(named.add(body.role()), field + ".role", body.role().name());
				steps.add(ApprovalStep.role(body.role()));
			}
		}
		return steps;
	}

	private static void requireNotStakeholder(ProjectRole role, String field, String who) {
		if (role == ProjectRole.STAKEHOLDER) {
			throw new RuleViolationException(field, who + " here: stakeholders read and change nothing, so they "
					+ "do not decide. Name a member, approver or manager.");
		}
	}

	private static void requireOnce(boolean first, String field, String who) {
		if (!first) {
			throw new RuleViolationException(field, who + " is named twice; name each approver once.");
		}
	}

}
