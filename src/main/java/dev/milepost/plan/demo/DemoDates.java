package dev.milepost.plan.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.milepost.plan.support.WorkCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Moves the demo portfolio's plan to the present: every date of the plan moves by whole weeks,
 * keeping its weekday, while holidays stay on their real dates (Christmas Day is 25 December
 * whatever the shift). A planned or actual date that lands on a holiday then moves to the next
 * working day of its project's calendar, which keeps every order in the data (starts before
 * finishes, work finished before the milestone it achieves); actual dates never move past today.
 * A project's own holidays are kept only within its span.
 */
final class DemoDates {

	private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

	private DemoDates() {
	}

	/** Shifts the portfolio tree in place by {@code weeks} and puts its dates on working days. */
	static void shift(JsonNode portfolio, long weeks, LocalDate today) {
		shiftPlanDates(portfolio, weeks);
		JsonNode workspace = portfolio.get("workspaceCalendar");
		Set<LocalDate> workspaceHolidays = holidays(workspace);
		Set<DayOfWeek> workspaceDays = workingDays(workspace);
		for (JsonNode project : portfolio.get("projects")) {
			JsonNode own = project.get("calendar");
			boolean hasOwn = own != null && !own.isNull();
			Set<LocalDate> holidays = new HashSet<>(workspaceHolidays);
			if (hasOwn) {
				holidays.addAll(holidays(own));
			}
			Set<DayOfWeek> days = hasOwn && own.get("workingDays") != null && !own.get("workingDays").isNull()
					? workingDays(own) : workspaceDays;
			WorkCalendar calendar = new WorkCalendar(days, holidays);
			UnaryOperator<LocalDate> planned = calendar::onOrAfter;
			UnaryOperator<LocalDate> actual = date -> {
				LocalDate working = calendar.onOrAfter(date);
				return working.isAfter(today) ? date : working;
			};
			move(project, "start", planned);
			move(project, "targetFinish", planned);
			for (JsonNode task : project.get("tasks")) {
				move(task, "plannedStart", planned);
				move(task, "actualStart", actual);
				move(task, "actualFinish", actual);
			}
			for (JsonNode milestone : project.get("milestones")) {
				move(milestone, "targetDate", planned);
				move(milestone.get("achieved"), "on", actual);
				move(milestone.get("approvalAsked"), "due", planned);
			}
			for (JsonNode deliverable : project.get("deliverables")) {
				move(deliverable.get("accepted"), "on", actual);
			}
			if (hasOwn) {
				keepWithin(own, LocalDate.parse(project.get("start").asString()),
						LocalDate.parse(project.get("targetFinish").asString()));
			}
		}
	}

	/** Moves every date of the tree by whole weeks, except the holidays'. */
	private static void shiftPlanDates(JsonNode node, long weeks) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (value.isString() && value.asString().matches(DATE)) {
					object.set(name, StringNode.valueOf(LocalDate.parse(value.asString()).plusWeeks(weeks).toString()));
				}
				else if (!name.equals("holidays")) {
					shiftPlanDates(value, weeks);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(element -> shiftPlanDates(element, weeks));
		}
	}

	private static void move(JsonNode node, String field, UnaryOperator<LocalDate> to) {
		if (node instanceof ObjectNode object && object.get(field) != null && object.get(field).isString()) {
			object.set(field, StringNode.valueOf(to.apply(LocalDate.parse(object.get(field).asString())).toString()));
		}
	}

	private static void keepWithin(JsonNode calendar, LocalDate from, LocalDate to) {
		JsonNode holidays = calendar.get("holidays");
		if (!(holidays instanceof ArrayNode array)) {
			return;
		}
		List<JsonNode> kept = new ArrayList<>();
		for (JsonNode holiday : array) {
			LocalDate date = LocalDate.parse(holiday.get("date").asString());
			if (!date.isBefore(from) && !date.isAfter(to)) {
				kept.add(holiday);
			}
		}
		array.removeAll();
		array.addAll(kept);
	}

	private static Set<LocalDate> holidays(JsonNode calendar) {
		Set<LocalDate> dates = new HashSet<>();
		JsonNode holidays = calendar.get("holidays");
		if (holidays != null && holidays.isArray()) {
			holidays.forEach(h -> dates.add(LocalDate.parse(h.get("date").asString())));
		}
		return dates;
	}

	private static Set<DayOfWeek> workingDays(JsonNode calendar) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		calendar.get("workingDays").forEach(day -> days.add(DayOfWeek.valueOf(day.asString())));
		return days;
	}

}
