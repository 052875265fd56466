package dev.milepost.plan.web;

import java.util.Arrays;
import java.util.List;

import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.milestone.MilestoneRequest;

/**
 * A milestone form as submitted, as text. It has a duration field on purpose: the plan refuses a
 * milestone with a duration, and the form shows that refusal, with its reason, beside the field.
 */
record MilestoneForm(String name, String description, String targetDate, String owner, String criterionKind,
		String criterionText, String criterionApprover, String criterionRole, String tags, String durationDays,
		Long version) {

	static MilestoneForm empty(String owner) {
		return new MilestoneForm("", "", "", owner, CriterionKind.OWNER_CONFIRMATION.name(), "", "", "", "", "", null);
	}

	static MilestoneForm of(MilestoneRequest request, long version) {
		MilestoneRequest.CriterionRequest c = request.criterion();
		return new MilestoneForm(request.name(), request.description(), text(request.targetDate()), request.owner(),
				c.kind().name(), c.text(), c.approver() == null ? "" : c.approver(),
				c.role() == null ? "" : c.role().name(), String.join(", ", request.tags()), "", version);
	}

	/** The API request this form asks for; unreadable fields are recorded in {@code errors}. */
	MilestoneRequest request(FormErrors errors) {
		CriterionKind kind = Arrays.stream(CriterionKind.values())
			.filter(k -> k.name().equals(criterionKind))
			.findFirst()
			.orElse(null);
		ProjectRole role = Arrays.stream(ProjectRole.values())
			.filter(r -> r.name().equals(criterionRole))
			.findFirst()
			.orElse(null);
		List<String> tagList = tags == null || tags.isBlank() ? List.of()
				: Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		return new MilestoneRequest(name, TaskForm.blankToNull(description), errors.date("targetDate", targetDate),
				TaskForm.blankToNull(owner),
				new MilestoneRequest.CriterionRequest(kind, criterionText, TaskForm.blankToNull(criterionApprover), role),
				tagList, duration(), null, null);
	}

	/** A number where one is typed, else the text: either way the plan decides, and refuses any but 0. */
	private Object duration() {
		if (durationDays == null || durationDays.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(durationDays.strip());
		}
		catch (NumberFormatException e) {
			return durationDays.strip();
		}
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
