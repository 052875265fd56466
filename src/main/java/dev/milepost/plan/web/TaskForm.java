package dev.milepost.plan.web;

import java.util.List;

import dev.milepost.plan.task.Estimate;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.TaskView;

/**
 * A task form as submitted: text, as typed, so that what cannot be read is reported beside its
 * field rather than lost. {@code version} is the one the form was opened on.
 */
record TaskForm(String name, String description, String durationDays, String effortHours, List<String> assignees,
		String percentComplete, String plannedStart, String actualStart, String actualFinish, String optimistic,
		String mostLikely, String pessimistic, Long version) {

	TaskForm {
		assignees = assignees == null ? List.of() : assignees.stream().filter(a -> !a.isBlank()).toList();
	}

	static TaskForm empty() {
		return new TaskForm("", "", "5", "", List.of(), "0", "", "", "", "", "", "", null);
	}

	static TaskForm of(TaskView task, long version) {
		Estimate e = task.estimate();
		return new TaskForm(task.name(), task.description(), String.valueOf(task.durationDays()),
				task.effortHours() == null ? "" : task.effortHours().toPlainString(), task.assignees(),
				String.valueOf(task.percentComplete()), text(task.plannedStart()), text(task.actualStart()),
				text(task.actualFinish()), e == null ? "" : text(e.optimistic()), e == null ? "" : text(e.mostLikely()),
				e == null ? "" : text(e.pessimistic()), version);
	}

	/** The API request this form asks for; unreadable fields are recorded in {@code errors}. */
	TaskRequest request(FormErrors errors) {
		Integer o = errors.integer("optimistic", optimistic);
		Integer m = errors.integer("mostLikely", mostLikely);
		Integer p = errors.integer("pessimistic", pessimistic);
		Estimate estimate = o == null && m == null && p == null ? null : new Estimate(o, m, p);
		return new TaskRequest(name, blankToNull(description), errors.integer("durationDays", durationDays),
				errors.decimal("effortHours", effortHours), assignees,
				errors.integer("percentComplete", percentComplete), errors.date("plannedStart", plannedStart),
				errors.date("actualStart", actualStart), errors.date("actualFinish", actualFinish), estimate);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
