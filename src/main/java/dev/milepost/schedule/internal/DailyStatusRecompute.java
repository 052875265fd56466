package dev.milepost.schedule.internal;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.milepost.plan.PlanQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time alone changes statuses (a target comes within the window, or passes): every day shortly
 * after midnight UTC each project's milestone statuses are recomputed, by one instance only.
 */
@Configuration(proxyBeanMethods = false)
class DailyStatusRecompute {

	private static final Logger log = LoggerFactory.getLogger(DailyStatusRecompute.class);

	@Bean
	RecurringTask<Void> milestoneStatusDaily(PlanQueries plans, MilestoneStatuses statuses) {
		return Tasks.recurring("milestone-status-daily", Schedules.daily(LocalTime.of(0, 10)))
			.execute((instance, context) -> recomputeAll(plans, statuses));
	}

	static void recomputeAll(PlanQueries plans, MilestoneStatuses statuses) {
		var keys = plans.projectKeys();
		for (String key : keys) {
			try {
				statuses.recompute(key);
			}
			catch (RuntimeException e) {
				// one broken project must not stop the others; the next run tries again
				log.error("Could not recompute the milestone statuses of {}", key, e);
			}
		}
		log.info("Recomputed the milestone statuses of {} projects", keys.size());
	}

}
