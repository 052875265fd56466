package dev.milepost.plan.web;

import java.util.UUID;

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
 * {@code acknowledgeOpenWork=true}.
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
			@RequestParam(required = false) String acknowledgeOpenWork, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ProjectContext context = access.read(key);
		String statement = evidence == null || evidence.isBlank() ? null : evidence.strip();
		boolean acknowledged = "true".equals(acknowledgeOpenWork);
		return PageActions.run(request, response, model,
				() -> milestones.achieve(context, id, statement, acknowledged),
				"Recorded as achieved.", "/projects/" + key + "/milestones/" + id);
	}

}
