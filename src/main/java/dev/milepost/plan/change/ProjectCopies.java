package dev.milepost.plan.change;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.change.PlanChangesRequest.Action;
import dev.milepost.plan.change.PlanChangesRequest.ItemType;
import dev.milepost.plan.change.PlanChangesRequest.Operation;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.milestone.MilestoneView;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.project.ProjectRequest;
import dev.milepost.plan.project.Projects;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.TaskView;
import dev.milepost.plan.task.Tasks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project copied as the template of a new one, in one transaction: the new project (key, name,
 * start given; the rest of its details and its calendar from the original, the target finish moved
 * by as many days as the start), then the plan through the bulk change path ({@link PlanChanges},
 * the single endpoints' rules): every task and milestone with its dates moved the same number of
 * calendar days, and every link. Not copied: members beyond the copier (manager) and the original's
 * sponsor (approver), progress and actual dates, achievements, approvals, history and baselines.
 * So assignees are kept only when they are one of those two, a milestone's owner and a named
 * approver likewise, else the copier. Only the original's managers (and administrators) copy it.
 */
@Service
public class ProjectCopies {

	private final ProjectAccess access;

	private final Projects projects;

	private final Tasks tasks;

	private final Milestones milestones;

	private final Dependencies dependencies;

	private final PlanChanges changes;

	private final JsonMapper mapper;

	ProjectCopies(ProjectAccess access, Projects projects, Tasks tasks, Milestones milestones,
			Dependencies dependencies, PlanChanges changes, JsonMapper mapper) {
		this.access = access;
		this.projects = projects;
		this.tasks = tasks;
		this.milestones = milestones;
		this.dependencies = dependencies;
		this.changes = changes;
		this.mapper = mapper;
	}

	/** The new project's key, name and start; everything else comes from the original. */
	public record CopyRequest(@NotBlank @Size(max = 10) String key, @NotBlank @Size(max = 200) String name,
			@NotNull @SupportedDate LocalDate start) {
	}

	@Transactional
	public Projects.Versioned copy(String sourceKey, CopyRequest request) {
		ProjectContext source = access.manage(sourceKey);
		ProjectRequest original = projects.requestOf(sourceKey);
		long shift = ChronoUnit.DAYS.between(original.start(), request.start());
		String copier = source.user().username();
		projects.create(new ProjectRequest(request.key(), request.name(), original.description(), original.sponsor(),
				copier, request.start(), original.targetFinish().plusDays(shift), null, original.calendar(),
				original.timeZone()));
		ProjectContext target = access.manage(request.key());
		Set<String> members = Set.of(copier, original.sponsor());
		List<Operation> operations = new ArrayList<>();
		Map<UUID, String> refs = new HashMap<>();
		for (TaskView task : all(page -> tasks.list(source, null, null, null, page))) {
			String ref = "t" + refs.size();
			refs.put(task.id(), ref);
			TaskRequest copy = new TaskRequest(task.name(), task.description(), task.durationDays(),
					task.effortHours(), task.assignees().stream().filter(members::contains).toList(), 0,
					moved(task.plannedStart(), shift), null, null, task.estimate());
			operations.add(create(ItemType.TASK, ref, copy));
		}
		for (MilestoneView milestone : all(page -> milestones.list(source, null, null, null, null, page))) {
			String ref = "m" + refs.size();
			refs.put(milestone.id(), ref);
			MilestoneView.CriterionView c = milestone.criterion();
			String approver = c.approver() == null || members.contains(c.approver()) ? c.approver() : copier;
			MilestoneRequest copy = new MilestoneRequest(milestone.name(), milestone.description(),
					moved(milestone.targetDate(), shift), members.contains(milestone.owner()) ? milestone.owner() : copier,
					new MilestoneRequest.CriterionRequest(c.kind(), c.text(), approver, c.role()), milestone.tags(), null,
					null, null);
			operations.add(create(ItemType.MILESTONE, ref, copy));
		}
		for (Dependencies.DependencyView link : all(page -> dependencies.list(source, null, null, page))) {
			operations.add(new Operation(Action.CREATE, ItemType.DEPENDENCY, null, null,
					mapper.valueToTree(Map.of("predecessor", Map.of("ref", refs.get(link.predecessor().id())),
							"successor", Map.of("ref", refs.get(link.successor().id())), "type", link.type().name(),
							"lagDays", link.lagDays())),
					null, null));
		}
		if (!operations.isEmpty()) {
			changes.apply(target, new PlanChangesRequest(operations));
		}
		return projects.read(request.key());
	}

	private Operation create(ItemType type, String ref, Object value) {
		JsonNode body = mapper.valueToTree(value);
		return new Operation(Action.CREATE, type, ref, null, body, null, null);
	}

	private static LocalDate moved(LocalDate date, long days) {
		return date == null ? null : date.plusDays(days);
	}

	private static <T> List<T> all(Function<Paging, PageResponse<T>> read) {
		List<T> items = new ArrayList<>();
		for (int page = 0;; page++) {
			PageResponse<T> answer = read.apply(Paging.of(page, Paging.MAX_SIZE));
			items.addAll(answer.items());
			if (answer.items().size() < Paging.MAX_SIZE) {
				return items;
			}
		}
	}

}
