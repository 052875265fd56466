package dev.milepost.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.project.ProjectView;
import dev.milepost.plan.project.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: every project the person may see, with where its milestones stand. */
@Controller
class PortfolioPage {

	private final Projects projects;

	private final CurrentUsers currentUsers;

	private final JdbcClient jdbc;

	private final Clock clock;

	PortfolioPage(Projects projects, CurrentUsers currentUsers, JdbcClient jdbc, Clock clock) {
		this.projects = projects;
		this.currentUsers = currentUsers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record MilestoneCounts(String projectKey, long total, long achieved, long overdue) {
	}

	record NextMilestone(String projectKey, String name, LocalDate targetDate) {
	}

	record Row(ProjectView project, MilestoneCounts counts, NextMilestone next) {
	}

	@GetMapping("/")
	String portfolio(Model model) {
		LocalDate today = LocalDate.now(clock);
		List<ProjectView> visible = projects.list(null, null, Paging.of(0, Paging.MAX_SIZE)).items();
		List<String> keys = visible.stream().map(ProjectView::key).toList();
		Map<String, MilestoneCounts> counts = keys.isEmpty() ? Map.of() : jdbc.sql("""
				select p.project_key,
				       count(m.id) as total,
				       count(m.achieved_at) as achieved,
				       sum(case when m.achieved_at is null and m.target_date < :today then 1 else 0 end) as overdue
				from project p left join milestone m on m.project_id = p.id
				where p.project_key in (:keys)
				group by p.project_key""")
			.param("today", today)
			.param("keys", keys)
			.query((rs, n) -> new MilestoneCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list()
			.stream()
			.collect(Collectors.toMap(MilestoneCounts::projectKey, Function.identity()));
		Map<String, NextMilestone> next = keys.isEmpty() ? Map.of() : jdbc.sql("""
				select p.project_key, m.name, m.target_date
				from milestone m join project p on p.id = m.project_id
				where p.project_key in (:keys) and m.achieved_at is null and m.target_date >= :today
				order by m.target_date, m.name""")
			.param("today", today)
			.param("keys", keys)
			.query((rs, n) -> new NextMilestone(rs.getString(1), rs.getString(2),
					rs.getObject(3, LocalDate.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(NextMilestone::projectKey, Function.identity(), (first, later) -> first));
		model.addAttribute("rows", visible.stream()
			.map(project -> new Row(project, counts.getOrDefault(project.key(),
					new MilestoneCounts(project.key(), 0, 0, 0)), next.get(project.key())))
			.toList());
		model.addAttribute("me", currentUsers.require());
		model.addAttribute("today", today);
		return "plan/portfolio";
	}

}
