package dev.milepost.schedule.internal;

import java.time.LocalTime;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.milepost.plan.PlanQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time alone changes statuses (a target comes within the window, or passes): every day shortly
 * after midnight UTC, by one instance only, every project gets a recompute request, which the
 * workers serve like any other (one project failing does not hold up the others).
 */
@Configuration(proxyBeanMethods = false)
class DailyStatusRecompute {

	private static final Logger log = LoggerFactory.getLogger(DailyStatusRecompute.class);

	@Bean
	RecurringTask<Void> milestoneStatusDaily(PlanQueries plans, StatusRecomputeRequests requests,
			StatusRecomputeWorker worker, PlatformTransactionManager transactions) {
		return Tasks.recurring("milestone-status-daily", Schedules.daily(LocalTime.of(0, 10)))
			.execute((instance, context) -> requestAll(plans, requests, worker, new TransactionTemplate(transactions)));
	}

	static void requestAll(PlanQueries plans, StatusRecomputeRequests requests, StatusRecomputeWorker worker,
			TransactionTemplate transactions) {
		List<String> keys = plans.projectKeys();
		transactions.executeWithoutResult(status -> keys.forEach(key -> requests.request(key, List.of(), false)));
		worker.wake();
		log.info("Asked for the milestone statuses of {} projects to be recomputed", keys.size());
	}

}
