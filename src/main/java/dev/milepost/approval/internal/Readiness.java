package dev.milepost.approval.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import dev.milepost.plan.FeedingWork;
import dev.milepost.plan.WorkItem;
import org.springframework.stereotype.Component;

/**
 * What stands around pending requests, read in a few queries for a whole inbox: the steps each
 * follows that are not done yet (a request waiting for them cannot be decided, and no inbox
 * offers it), and for a request about a milestone the work upstream of it still open, which the
 * approver is shown before deciding. A step deleted since the request was opened is no longer
 * waited for; one that was rejected keeps the request waiting.
 */
@Component
class Readiness {

	private final FeedingWork work;

	private final ApprovalRequestRepository requests;

	Readiness(FeedingWork work, ApprovalRequestRepository requests) {
		this.work = work;
		this.requests = requests;
	}

	/** A step waited for, with its state in words ("0 %", "pending", "rejected"). */
	record WaitedOn(ApprovalPrerequisite.Kind kind, UUID id, String name, String state) {

		String describe() {
			return "'" + name + "' (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + state + ")";
		}

	}

	/** One request's circumstances; nothing stands around a closed request. */
	record Of(List<WaitedOn> waitingFor, List<WorkItem> openWork) {

		static final Of NOTHING = new Of(List.of(), List.of());

		boolean waiting() {
			return !waitingFor.isEmpty();
		}

		List<String> waitingDescribed() {
			return waitingFor.stream().map(WaitedOn::describe).toList();
		}

	}

	/** The ids of the requests that wait for steps they follow. */
	Set<UUID> waiting(Collection<ApprovalRequest> requests) {
		return of(requests).entrySet()
			.stream()
			.filter(entry -> entry.getValue().waiting())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	Of of(ApprovalRequest request) {
		return of(List.of(request)).getOrDefault(request.id(), Of.NOTHING);
	}

	/** Each pending request's circumstances by id; requests with none are left out. */
	Map<UUID, Of> of(Collection<ApprovalRequest> all) {
		List<ApprovalRequest> pending = all.stream().filter(ApprovalRequest::isPending).toList();
		Map<UUID, ApprovalStatus> statuses = approvalStatuses(pending);
		Map<UUID, Of> found = new HashMap<>();
		pending.stream().collect(Collectors.groupingBy(ApprovalRequest::projectId)).forEach((project, requests) -> {
			Set<UUID> taskIds = requests.stream()
				.flatMap(r -> r.prerequisites().stream())
				.filter(p -> p.kind() == ApprovalPrerequisite.Kind.TASK)
				.map(ApprovalPrerequisite::stepId)
				.collect(Collectors.toSet());
			Map<UUID, WorkItem> tasks = work.tasks(project, taskIds);
			List<UUID> milestones = requests.stream()
				.filter(r -> r.subject().kind() == SubjectKind.MILESTONE)
				.map(r -> r.subject().id())
				.distinct()
				.toList();
			Map<UUID, List<WorkItem>> open = work.openUpstreamOf(project, milestones);
			for (ApprovalRequest request : requests) {
				List<WaitedOn> waiting = new ArrayList<>();
				for (ApprovalPrerequisite step : request.prerequisites()) {
					String state = step.kind() == ApprovalPrerequisite.Kind.TASK ? taskState(tasks.get(step.stepId()))
							: approvalState(statuses.get(step.stepId()));
					if (state != null) {
						waiting.add(new WaitedOn(step.kind(), step.stepId(), step.name(), state));
					}
				}
				List<WorkItem> openWork = request.subject().kind() == SubjectKind.MILESTONE
						? open.getOrDefault(request.subject().id(), List.of()) : List.of();
				if (!waiting.isEmpty() || !openWork.isEmpty()) {
					found.put(request.id(), new Of(waiting, openWork));
				}
			}
		});
		return found;
	}

	private Map<UUID, ApprovalStatus> approvalStatuses(List<ApprovalRequest> pending) {
		List<UUID> ids = pending.stream()
			.flatMap(r -> r.prerequisites().stream())
			.filter(p -> p.kind() == ApprovalPrerequisite.Kind.APPROVAL)
			.map(ApprovalPrerequisite::stepId)
			.distinct()
			.toList();
		Map<UUID, ApprovalStatus> statuses = new HashMap<>();
		if (!ids.isEmpty()) {
			requests.findAllById(ids).forEach(r -> statuses.put(r.id(), r.status()));
		}
		return statuses;
	}

	/** How far a task waited for has come; null when it is done or no longer exists. */
	private static String taskState(WorkItem task) {
		if (task == null || task.done()) {
			return null;
		}
		return task.started() ? task.percentComplete() + " %" : "not started";
	}

	/** Where a request waited for stands; null when it is approved or no longer exists. */
	private static String approvalState(ApprovalStatus status) {
		return status == null || status == ApprovalStatus.APPROVED ? null
				: status.name().toLowerCase(java.util.Locale.ROOT);
	}

}
