package dev.milepost.web;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.feed.CalendarFeeds;
import dev.milepost.health.Finding;
import dev.milepost.health.PlanHealth;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.StatusRecomputation;
import dev.milepost.schedule.ProjectForecast;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A project at a glance: its goals, the milestone timeline coloured by status with the reasons,
 * the next 30 days, the plan-health findings and the person's own calendar feed. Outsiders get 404, as from the API.
 */
@Controller
class ProjectOverviewPage {

	static final int LOOK_AHEAD_DAYS = 30;

	private final ProjectAccess access;

	private final Forecasts forecasts;

	private final PlanHealth health;

	private final CalendarFeeds feeds;

	private final StatusRecomputation recomputation;

	ProjectOverviewPage(ProjectAccess access, Forecasts forecasts, PlanHealth health, CalendarFeeds feeds,
			StatusRecomputation recomputation) {
		this.recomputation = recomputation;
		this.access = access;
		this.forecasts = forecasts;
		this.health = health;
		this.feeds = feeds;
	}

	private static final java.time.format.DateTimeFormatter MOMENT = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	/** The person's feed in words: the secret's first characters, when made and last read. */
	record FeedView(String hint, String createdAt, String lastUsedAt) {

		static FeedView of(CalendarFeeds.Feed feed) {
			return new FeedView(feed.hint(), MOMENT.format(feed.createdAt()),
					feed.lastUsedAt() == null ? null : MOMENT.format(feed.lastUsedAt()));
		}

	}

	@GetMapping("/projects/{key}")
	String overview(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		ProjectForecast forecast = forecasts.stored(context);
		LocalDate today = forecast.statusDate();
		model.addAttribute("me", context.user());
		model.addAttribute("canManage", context.canManage());
		model.addAttribute("project", forecast.plan());
		model.addAttribute("staleStatuses", StaleStatuses.of(recomputation.staleness(context.projectKey())));
		model.addAttribute("forecast", forecast);
		model.addAttribute("today", today);
		Overview.MilestoneList milestones = Overview.milestones(forecast);
		model.addAttribute("milestones", milestones.rows());
		model.addAttribute("milestoneList", milestones);
		model.addAttribute("strip", Overview.strip(forecast, today, milestones.rows()));
		List<Overview.Upcoming> upcoming = Overview.upcoming(forecast, today, LOOK_AHEAD_DAYS);
		model.addAttribute("upcoming", upcoming.stream().limit(Overview.MAX_ROWS).toList());
		model.addAttribute("upcomingMore", Math.max(0, upcoming.size() - Overview.MAX_ROWS));
		model.addAttribute("lookAhead", LOOK_AHEAD_DAYS);
		List<Finding> findings = health.check(forecast.plan(), today);
		model.addAttribute("findings", findings.stream().limit(Overview.MAX_ROWS).toList());
		model.addAttribute("findingsMore", Math.max(0, findings.size() - Overview.MAX_ROWS));
		model.addAttribute("feed", feeds.of(context).map(FeedView::of).orElse(null));
		return "web/overview";
	}

}
