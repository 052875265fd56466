package dev.milepost.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.milepost.common.MergePatch;
import dev.milepost.plan.change.PlanChanges;
import dev.milepost.plan.change.PlanChangesRequest;
import dev.milepost.plan.change.PlanChangesRequest.Action;
import dev.milepost.plan.change.PlanChangesRequest.ItemType;
import dev.milepost.plan.project.CalendarSettings;
import dev.milepost.plan.project.Holiday;
import dev.milepost.plan.project.ProjectRequest;
import dev.milepost.plan.project.Projects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a project and its whole plan in one transaction for another module (a plan imported from
 * a file), through the same services and rules as the API: the project as {@code POST /projects}
 * creates it (so who may create one is decided there, with the caller as manager and sponsor), then
 * every task, milestone and link as one bulk plan change ({@link PlanChanges}), all or nothing.
 */
@Service
public class PlanImporting {

	/**
	 * The tag an imported milestone carries until someone has reviewed what the file could not say
	 * (its criterion and owner, and where its target came from); plan health lists the milestones that
	 * still carry it.
	 */
	public static final String IMPORTED_TAG = "imported";

	private final Projects projects;

	private final PlanChanges changes;

	private final ProjectAccess access;

	private final MergePatch validation;

	private final JsonMapper mapper;

	PlanImporting(Projects projects, PlanChanges changes, ProjectAccess access, MergePatch validation,
			JsonMapper mapper) {
		this.projects = projects;
		this.changes = changes;
		this.access = access;
		this.validation = validation;
		this.mapper = mapper;
	}

	/** The project: {@code owner} manages and sponsors it; working weekdays and holidays are its calendar. */
	public record NewProject(String key, String name, String description, String owner, LocalDate start,
			LocalDate targetFinish, Set<DayOfWeek> workingDays, List<NewHoliday> holidays) {
	}

	public record NewHoliday(LocalDate date, String name) {
	}

	/** A task; {@code ref} names it for the links. */
	public record NewTask(String ref, String name, String description, int durationDays, LocalDate plannedStart,
			int percentComplete, LocalDate actualStart, LocalDate actualFinish) {
	}

	/** A milestone with the owner's confirmation as its criterion. */
	public record NewMilestone(String ref, String name, String description, LocalDate targetDate, String owner,
			String criterionText, List<String> tags) {
	}

	public record NewLink(String predecessorRef, String successorRef, LinkType type, int lagDays) {
	}

	/** Creates it all or nothing; answers the new project's key. */
	@Transactional
	public String create(NewProject project, List<NewTask> tasks, List<NewMilestone> milestones, List<NewLink> links) {
		ProjectRequest request = new ProjectRequest(project.key(), project.name(), project.description(),
				project.owner(), project.owner(), project.start(), project.targetFinish(), null,
				new CalendarSettings(project.workingDays(),
						project.holidays().stream().map(h -> new Holiday(h.date(), h.name())).toList()),
				null);
		validation.validate(request);
		String key = projects.create(request).project().key();
		List<PlanChangesRequest.Operation> operations = new ArrayList<>();
		for (NewTask task : tasks) {
			ObjectNode value = mapper.createObjectNode();
			value.put("name", task.name());
			value.put("description", task.description());
			value.put("durationDays", task.durationDays());
			value.put("percentComplete", task.percentComplete());
			putDate(value, "plannedStart", task.plannedStart());
			putDate(value, "actualStart", task.actualStart());
			putDate(value, "actualFinish", task.actualFinish());
			operations.add(create(ItemType.TASK, task.ref(), value));
		}
		for (NewMilestone milestone : milestones) {
			ObjectNode value = mapper.createObjectNode();
			value.put("name", milestone.name());
			value.put("description", milestone.description());
			putDate(value, "targetDate", milestone.targetDate());
			value.put("owner", milestone.owner());
			value.putObject("criterion")
				.put("kind", CriterionKind.OWNER_CONFIRMATION.name())
				.put("text", milestone.criterionText());
			milestone.tags().forEach(value.putArray("tags")::add);
			operations.add(create(ItemType.MILESTONE, milestone.ref(), value));
		}
		for (NewLink link : links) {
			ObjectNode value = mapper.createObjectNode();
			value.putObject("predecessor").put("ref", link.predecessorRef());
			value.putObject("successor").put("ref", link.successorRef());
			value.put("type", link.type().name());
			value.put("lagDays", link.lagDays());
			operations.add(create(ItemType.DEPENDENCY, null, value));
		}
		if (!operations.isEmpty()) {
			changes.apply(access.manage(key), new PlanChangesRequest(operations));
		}
		return key;
	}

	private static PlanChangesRequest.Operation create(ItemType type, String ref, JsonNode value) {
		return new PlanChangesRequest.Operation(Action.CREATE, type, ref, null, value, null, null);
	}

	private static void putDate(ObjectNode node, String field, LocalDate date) {
		if (date != null) {
			node.put(field, date.toString());
		}
	}

}
