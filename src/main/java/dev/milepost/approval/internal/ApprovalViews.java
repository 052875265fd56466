package dev.milepost.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import org.springframework.stereotype.Component;

/** Turns requests into their API views, with people by username and each turn's state. */
@Component
class ApprovalViews {

	private final Users users;

	private final Readiness readiness;

	private final Clock clock;

	ApprovalViews(Users users, Readiness readiness, Clock clock) {
		this.users = users;
		this.readiness = readiness;
		this.clock = clock;
	}

	ApprovalView of(ApprovalRequest request) {
		return of(List.of(request)).get(0);
	}

	List<ApprovalView> of(Collection<ApprovalRequest> requests) {
		Map<UUID, UserSummary> people = users.findAllById(requests.stream()
			.flatMap(r -> Stream.concat(Stream.of(r.requestedBy()), r.steps().stream()
				.flatMap(s -> Stream.of(s.approverId(), s.delegateId(), s.delegatedBy(), s.decidedBy()))))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		LocalDate today = LocalDate.now(clock);
		Map<UUID, Readiness.Of> around = readiness.of(requests);
		return requests.stream()
			.map(request -> view(request, people, today, around.getOrDefault(request.id(), Readiness.Of.NOTHING)))
			.toList();
	}

	private static ApprovalView view(ApprovalRequest r, Map<UUID, UserSummary> people, LocalDate today,
			Readiness.Of around) {
		ApprovalRequest.Subject subject = r.subject();
		ApprovalRequest.Replan replan = subject.replan();
		List<ApprovalView.ApproverView> approvers = new ArrayList<>();
		int first = r.firstUndecided();
		List<ApprovalStep> steps = r.steps();
		for (int i = 0; i < steps.size(); i++) {
			ApprovalStep s = steps.get(i);
			approvers.add(new ApprovalView.ApproverView(name(people, s.approverId()), s.approverRole(),
					state(r, s, i, first, around.waiting()),
					s.delegated() ? new ApprovalView.DelegationView(name(people, s.delegateId()),
							name(people, s.delegatedBy()), s.delegatedAt(), s.delegationNote()) : null,
					s.decided() ? new ApprovalView.DecisionView(s.decision(), name(people, s.decidedBy()),
							name(people, s.onBehalfOf()), s.decidedAt(), s.comment(), s.openWorkShown()) : null));
		}
		return new ApprovalView(r.id(), r.number(), r.projectKey(), r.title(), r.description(),
				new ApprovalView.SubjectView(subject.kind(), subject.id(), subject.name(),
						replan == null ? null : new ApprovalView.ReplanView(replan.from(), replan.to(), replan.reason())),
				r.mode(), r.dueDate(), r.isPending() && r.dueDate().isBefore(today), r.status(),
				name(people, r.requestedBy()), r.requestedAt(), r.closedAt(), approvers,
				around.waitingFor()
					.stream()
					.map(w -> new ApprovalView.WaitedOnView(w.kind().name(), w.id(), w.name(), w.state()))
					.toList(),
				around.openWork());
	}

	private static ApprovalView.State state(ApprovalRequest r, ApprovalStep s, int position, int firstUndecided,
			boolean waiting) {
		if (s.decided()) {
			return s.decision() == Decision.APPROVE ? ApprovalView.State.APPROVED : ApprovalView.State.REJECTED;
		}
		if (r.status() != ApprovalStatus.PENDING) {
			return ApprovalView.State.NOT_NEEDED;
		}
		if (waiting) {
			return ApprovalView.State.AWAITING_STEPS;
		}
		return r.mode() == dev.milepost.approval.ApprovalMode.SEQUENTIAL && position != firstUndecided
				? ApprovalView.State.QUEUED : ApprovalView.State.WAITING;
	}

	private static String name(Map<UUID, UserSummary> people, UUID id) {
		return id == null || !people.containsKey(id) ? null : people.get(id).username();
	}

}
