package dev.milepost.automation.runtime;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime's background work (db-scheduler, persistent and cluster-safe): the time-trigger
 * sweep, and the pending-event sweep that picks up events no instance finished handling.
 */
@Configuration(proxyBeanMethods = false)
class AutomationSchedule {

	@Bean
	RecurringTask<Void> automationTimeTriggers(TimeTriggers triggers,
			@Value("${milepost.automation.sweep-interval:5m}") Duration interval) {
		return Tasks.recurring("automation-time-triggers", FixedDelay.of(interval))
			.execute((instance, context) -> triggers.sweep());
	}

	@Bean
	RecurringTask<Void> automationPendingEvents(EventPump pump, PendingEvents pending, HeardEvents heard,
			@Value("${milepost.automation.pending-interval:30s}") Duration interval) {
		return Tasks.recurring("automation-pending-events", FixedDelay.of(interval)).execute((instance, context) -> {
			pump.drain();
			pending.forgetHandled(Duration.ofDays(7));
			heard.forgetOlderThan(Rehearsals.MAX_WINDOW.plusDays(1));
		});
	}

}
