package dev.milepost.interchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.ProjectForecast;

/**
 * The file's own schedule against Milepost's: the plan an import would create, scheduled by
 * Milepost's engine as the new project would be (as planned, progress up to nothing, each
 * milestone's target a deadline), its finish and every activity's total float compared with the
 * finish and total floats the file stores (MS Project's TotalSlack, P6's total float, …).
 */
final class ScheduleCheck {

	static final int SHOWN = 20;

	private ScheduleCheck() {
	}

	static ImportPreview.ScheduleCheck of(ImportedPlan imported, String manager) {
		Map<String, UUID> ids = new HashMap<>();
		List<ProjectPlan.Task> tasks = new ArrayList<>();
		List<ProjectPlan.Milestone> milestones = new ArrayList<>();
		Map<UUID, ImportedPlan.Item> items = new HashMap<>();
		for (ImportedPlan.Item item : imported.items()) {
			UUID id = UUID.randomUUID();
			ids.put(item.ref(), id);
			items.put(id, item);
			if (item.milestone()) {
				milestones.add(new ProjectPlan.Milestone(id, item.name(), item.target(), manager,
						dev.milepost.plan.CriterionKind.OWNER_CONFIRMATION, "confirmed by owner", null, null, List.of(),
						null, null));
			}
			else {
				tasks.add(new ProjectPlan.Task(id, item.name(), item.durationDays(), item.percentComplete(),
						item.plannedStart(), item.actualStart(), item.actualFinish(), null, null, null, List.of()));
			}
		}
		List<ProjectPlan.Link> links = new ArrayList<>();
		for (ImportedPlan.Link link : imported.links()) {
			UUID predecessor = ids.get(link.predecessor());
			UUID successor = ids.get(link.successor());
			links.add(new ProjectPlan.Link(UUID.randomUUID(), predecessor, kind(items.get(predecessor)), successor,
					kind(items.get(successor)), link.type(), link.lagDays()));
		}
		ProjectForecast forecast;
		try {
			ProjectPlan plan = new ProjectPlan(UUID.randomUUID(), "IMPORT", imported.name(), manager, manager,
					imported.start(), imported.fileFinish(), "PLANNED", imported.workingDays(),
					new java.util.HashSet<>(imported.holidays().stream().map(ImportedPlan.Holiday::date).toList()),
					List.of(), tasks, milestones, List.of(), links);
			forecast = PlanMapping.of(plan, null, ForecastMethod.PLANNED_RATE).datesOnly();
		}
		catch (RuntimeException e) {
			return new ImportPreview.ScheduleCheck(imported.fileFinish(), null, false, 0, 0, List.of(),
					"Milepost cannot schedule this plan: " + e.getMessage());
		}
		int compared = 0;
		List<ImportPreview.Mismatch> mismatches = new ArrayList<>();
		for (ProjectForecast.Activity activity : forecast.activities()) {
			ImportedPlan.Item item = items.get(activity.id());
			if (item.fileFloatDays() == null) {
				continue;
			}
			compared++;
			if (Math.round(item.fileFloatDays()) != activity.totalFloat()) {
				mismatches.add(new ImportPreview.Mismatch(item.ref(), item.name(),
						Math.round(item.fileFloatDays() * 100) / 100.0, activity.totalFloat(), item.fileFinish(),
						activity.finish()));
			}
		}
		boolean finishMatches = imported.fileFinish() != null && imported.fileFinish().equals(forecast.finish());
		String note = compared == 0 ? "The file stores no total floats; only the finish is compared."
				: mismatches.isEmpty() ? "Every stored total float matches Milepost's, in whole working days."
						: "Total floats are compared in whole working days (the file's rounded to the nearest day).";
		return new ImportPreview.ScheduleCheck(imported.fileFinish(), forecast.finish(), finishMatches, compared,
				mismatches.size(), List.copyOf(mismatches.subList(0, Math.min(SHOWN, mismatches.size()))), note);
	}

	private static ActivityKind kind(ImportedPlan.Item item) {
		return item.milestone() ? ActivityKind.MILESTONE : ActivityKind.TASK;
	}

}
