package dev.milepost.notification.trigger;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.milepost.notification.outbox.NotificationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily reminder run and the daily digest, as persistent, cluster-safe background work. */
@Configuration(proxyBeanMethods = false)
class NotificationSchedule {

	@Bean
	RecurringTask<Void> notificationRemindersDaily(Reminders reminders, NotificationSettings settings) {
		return Tasks.recurring("notification-reminders-daily", Schedules.daily(java.time.ZoneOffset.UTC, settings.reminders().time()))
			.execute((instance, context) -> reminders.run());
	}

	@Bean
	RecurringTask<Void> notificationDigestDaily(Digests digests, NotificationSettings settings) {
		return Tasks.recurring("notification-digest-daily", Schedules.daily(java.time.ZoneOffset.UTC, settings.digestTime()))
			.execute((instance, context) -> digests.run());
	}

}
