package dev.milepost.health;

import java.time.Clock;
import java.time.LocalDate;

import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A project's plan health, for everyone who may read the project. */
@RestController
class HealthController {

	private final ProjectAccess access;

	private final PlanQueries plans;

	private final PlanHealth health;

	private final Clock clock;

	HealthController(ProjectAccess access, PlanQueries plans, PlanHealth health, Clock clock) {
		this.access = access;
		this.plans = plans;
		this.health = health;
		this.clock = clock;
	}

	@GetMapping("/api/v1/projects/{key}/health")
	HealthReport health(@PathVariable String key) {
		ProjectContext context = access.read(key);
		LocalDate today = LocalDate.now(clock);
		return HealthReport.of(context.projectKey(), today, health.check(plans.plan(context), today));
	}

}
