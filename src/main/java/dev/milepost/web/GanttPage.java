package dev.milepost.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.NotFoundException;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The project's Gantt chart as server-rendered SVG: forecast bars and milestones, dependency
 * arrows, the critical path, a baseline's ghost bars (the latest, another chosen, or none) and
 * today, at week, month or quarter zoom. A large plan is drawn a window of rows at a time
 * ({@link GanttChart#WINDOW}); {@code from} moves it, and the page's links move it with htmx.
 */
@Controller
class GanttPage {

	static final String NO_BASELINE = "none";

	private final ProjectAccess access;

	private final Forecasts forecasts;

	GanttPage(ProjectAccess access, Forecasts forecasts) {
		this.access = access;
		this.forecasts = forecasts;
	}

	@GetMapping("/projects/{key}/gantt")
	String gantt(@PathVariable String key, @RequestParam(defaultValue = "month") String zoom,
			@RequestParam(required = false) String baseline, @RequestParam(required = false) Integer from,
			Model model) {
		ProjectContext context = access.read(key);
		GanttChart.Zoom chosenZoom = zoom(zoom);
		if (from != null && from < 0) {
			throw new BadRequestException("from", "'from' is the first row to show, counted from 0: 0 or more.");
		}
		// dates only: the chart shows no milestone status, so the status's Monte Carlo run is skipped
		ProjectForecast forecast = forecasts.dates(context);
		List<Forecasts.Baseline> baselines = forecasts.baselines(context);
		Forecasts.Baseline chosen = chosen(baselines, baseline);
		Map<UUID, Forecasts.Span> ghosts = chosen == null ? Map.of() : forecasts.baselineDates(context, chosen.id());
		model.addAttribute("me", context.user());
		model.addAttribute("canManage", context.canManage());
		model.addAttribute("project", forecast.plan());
		model.addAttribute("forecast", forecast);
		model.addAttribute("chart", GanttChart.of(forecast, ghosts, chosenZoom, forecast.statusDate(), from));
		model.addAttribute("zoom", chosenZoom.name().toLowerCase(Locale.ROOT));
		model.addAttribute("zooms", List.of("week", "month", "quarter"));
		model.addAttribute("baselines", baselines);
		model.addAttribute("baseline", chosen);
		model.addAttribute("baselineParam", chosen == null ? NO_BASELINE : chosen.id().toString());
		return "web/gantt";
	}

	private static GanttChart.Zoom zoom(String zoom) {
		try {
			return GanttChart.Zoom.valueOf(zoom.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("No zoom '" + zoom + "': choose week, month or quarter.");
		}
	}

	/** The baseline asked for; by default the latest, which status reasons compare against too. */
	private static Forecasts.Baseline chosen(List<Forecasts.Baseline> baselines, String wanted) {
		if (NO_BASELINE.equals(wanted)) {
			return null;
		}
		if (wanted == null || wanted.isBlank()) {
			return baselines.isEmpty() ? null : baselines.get(0);
		}
		return baselines.stream()
			.filter(b -> b.id().toString().equals(wanted))
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("baseline", wanted));
	}

}
