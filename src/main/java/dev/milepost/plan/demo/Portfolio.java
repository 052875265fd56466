package dev.milepost.plan.demo;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.project.CalendarSettings;
import dev.milepost.plan.project.ProjectStatus;
import dev.milepost.plan.task.Estimate;

/** The demo portfolio as written in {@code demo/portfolio.json}. */
record Portfolio(LocalDate anchor, CalendarSettings workspaceCalendar, List<Person> people, List<Project> projects) {

	record Person(String username, String displayName, String email, String title) {
	}

	record Project(String key, String name, String description, String sponsor, String manager, LocalDate start,
			LocalDate targetFinish, ProjectStatus status, CalendarSettings calendar, List<Member> members,
			List<Goal> goals, List<Task> tasks, List<Milestone> milestones, List<Deliverable> deliverables,
			List<Dependency> dependencies) {
	}

	record Member(String username, ProjectRole role) {
	}

	record Goal(String outcome, String measure) {
	}

	record Task(String ref, String name, String description, Integer durationDays, java.math.BigDecimal effortHours,
			List<String> assignees, Integer percentComplete, LocalDate plannedStart, LocalDate actualStart,
			LocalDate actualFinish, Estimate estimate) {
	}

	record Milestone(String ref, String name, String description, LocalDate targetDate, String owner,
			List<String> tags, MilestoneRequest.CriterionRequest criterion, Achieved achieved,
			ApprovalAsked approvalAsked) {
	}

	/** A manager asked for the milestone's approval, still pending: due on {@code due}. */
	record ApprovalAsked(String by, LocalDate due) {
	}

	record Achieved(String by, LocalDate on, String evidence) {
	}

	record Deliverable(String ref, String name, String description, String acceptor, String milestone,
			Accepted accepted) {
	}

	record Accepted(String by, LocalDate on) {
	}

	record Dependency(String from, String to, LinkType type, Integer lagDays) {
	}

}
