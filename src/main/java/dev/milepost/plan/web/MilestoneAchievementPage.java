package dev.milepost.plan.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.plan.MilestoneAchievement;

import dev.milepost.common.PageActions;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.milestone.Milestones;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Achieving a milestone from its page, under the same rules as
 * {@code POST /api/v1/projects/{key}/milestones/{id}/achievement}: {@code MilestoneAchievement}
 * decides, and a refusal's reason is shown in place. The box "I have seen the open work" sends
 * {@code acknowledgeOpenWork=true}; the date field {@code achievedOn} (offered to the owner and
 * managers) records it on the day it happened, back-dated.
 */
@Controller
class MilestoneAchievementPage {

	private final ProjectAccess access;

	private final Milestones milestones;

	MilestoneAchievementPage(ProjectAccess access, Milestones milestones) {
		this.access = access;
		this.milestones = milestones;
	}

	@PostMapping("/projects/{key}/milestones/{id}/achievement")
	String achieve(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String evidence,
			@RequestParam(required = false) String acknowledgeOpenWork,
			@RequestParam(required = false) String achievedOn, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ProjectContext context = access.read(key);
		String statement = evidence == null || evidence.isBlank() ? null : evidence.strip();
		boolean acknowledged = "true".equals(acknowledgeOpenWork);
		return PageActions.run(request, response, model,
				() -> milestones.achieve(context, id, statement, acknowledged, day(achievedOn)),
				"Recorded as achieved.", "/projects/" + key + "/milestones/" + id);
	}

	/** The date field: empty is today; anything but a supported date is refused (400) beside the field. */
	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return SupportedDates.parseDate(text.strip());
		}
		catch (UnsupportedValueException e) {
			throw new BadRequestException(MilestoneAchievement.ACHIEVED_ON, "The day it was achieved " + e.reason() + ".");
		}
	}

}
