package dev.milepost.notification.outbox;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings ({@code milepost.notifications.*}).
 *
 * @param pollInterval how often an instance looks for due deliveries (default 2s)
 * @param batchSize how many in-app deliveries one round claims (default 500)
 * @param lease how long a claimed delivery is reserved for the instance that claimed it; after
 * that another instance may take it over (default 5m)
 * @param retryInitial the wait after the first failed attempt; it doubles after each further
 * failure (default 30s)
 * @param retryMax the longest wait between two attempts (default 4h)
 * @param retryFor how long a failing delivery is retried before it becomes an incident
 * (default 24h)
 * @param publicUrl the address people reach Milepost at, for links in e-mails
 * @param reminders when reminders are sent
 * @param digestTime when the daily e-mail digest goes out (UTC, default 07:30)
 */
@ConfigurationProperties("milepost.notifications")
public record NotificationSettings(Duration pollInterval, Integer batchSize, Duration lease, Duration retryInitial,
		Duration retryMax, Duration retryFor, String publicUrl, Reminders reminders, LocalTime digestTime) {

	public NotificationSettings {
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		batchSize = batchSize == null ? 500 : batchSize;
		lease = lease == null ? Duration.ofMinutes(5) : lease;
		retryInitial = retryInitial == null ? Duration.ofSeconds(30) : retryInitial;
		retryMax = retryMax == null ? Duration.ofHours(4) : retryMax;
		retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
		reminders = reminders == null ? new Reminders(null, null, null, null) : reminders;
		digestTime = digestTime == null ? LocalTime.of(7, 30) : digestTime;
	}

	public Backoff backoff() {
		return new Backoff(retryInitial, retryMax, retryFor);
	}

	/**
	 * @param milestoneDays milestone owners are reminded this many days before the target (default 7)
	 * @param taskDays assignees are reminded this many days before a task's planned finish (default 2)
	 * @param time when the daily reminder run starts (UTC, default 07:00)
	 */
	public record Reminders(Integer milestoneDays, Integer taskDays, Integer approvalDays, LocalTime time) {

		public Reminders {
			milestoneDays = milestoneDays == null ? 7 : milestoneDays;
			taskDays = taskDays == null ? 2 : taskDays;
			approvalDays = approvalDays == null ? 2 : approvalDays;
			time = time == null ? LocalTime.of(7, 0) : time;
		}

	}

}
