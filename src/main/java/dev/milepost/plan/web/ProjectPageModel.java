package dev.milepost.plan.web;

import java.util.List;

import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.member.Members;
import dev.milepost.plan.project.Projects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page of a project shows around its content: the person, the project, its people. */
@Component
class ProjectPageModel {

	private final Projects projects;

	private final Members members;

	ProjectPageModel(Projects projects, Members members) {
		this.projects = projects;
		this.members = members;
	}

	void add(Model model, ProjectContext context) {
		model.addAttribute("me", context.user());
		model.addAttribute("project", projects.read(context.projectKey()).project());
		model.addAttribute("canManage", context.canManage());
	}

	List<Members.MemberView> members(ProjectContext context) {
		return members.list(context, null, null, Paging.of(0, Paging.MAX_SIZE)).items();
	}

}
