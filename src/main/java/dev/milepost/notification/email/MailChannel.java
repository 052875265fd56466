package dev.milepost.notification.email;

import java.util.Properties;

import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.notification.Channel;
import dev.milepost.notification.outbox.ChannelSender;
import dev.milepost.notification.outbox.Claimed;
import dev.milepost.notification.outbox.DeliveryFailure;
import dev.milepost.notification.outbox.NotificationSettings;
import dev.milepost.notification.outbox.Subject;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Sends e-mail notifications through the configured SMTP server (Spring Mail); off without one. */
@Component
public class MailChannel implements ChannelSender {

	private final JavaMailSenderImpl sender;

	private final MailSettings settings;

	private final Users users;

	private final String publicUrl;

	MailChannel(MailSettings settings, Users users, NotificationSettings notifications) {
		this.settings = settings;
		this.users = users;
		this.publicUrl = notifications.publicUrl();
		this.sender = settings.configured() ? sender(settings) : null;
	}

	private static JavaMailSenderImpl sender(MailSettings settings) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.host());
		sender.setPort(settings.port());
		if (settings.username() != null && !settings.username().isBlank()) {
			sender.setUsername(settings.username());
			sender.setPassword(settings.password());
		}
		sender.setDefaultEncoding("UTF-8");
		Properties properties = sender.getJavaMailProperties();
		properties.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
		properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "20000");
		properties.put("mail.smtp.writetimeout", "20000");
		return sender;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean available() {
		return sender != null;
	}

	@Override
	public Integer send(Claimed delivery) throws DeliveryFailure {
		UserSummary recipient = users.findById(delivery.recipientId())
			.filter(user -> user.email() != null && !user.email().isBlank())
			.orElseThrow(() -> new DeliveryFailure("The recipient no longer exists or has no e-mail address.", null,
					true));
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.from());
		message.setTo(recipient.email());
		message.setSubject("[Milepost] " + delivery.event().title());
		message.setText(body(delivery.event()));
		try {
			sender.send(message);
		}
		catch (MailException e) {
			throw DeliveryFailure.retryable("The SMTP server did not take the e-mail: " + e.getMessage(), null);
		}
		return null;
	}

	private String body(Claimed.Event event) {
		StringBuilder text = new StringBuilder(event.body());
		Subject subject = event.subject();
		if (subject != null && subject.href() != null) {
			text.append("\n\n").append(publicUrl).append(subject.href());
		}
		text.append("\n\n-- \nMilepost. Choose what you are told and how at ").append(publicUrl)
			.append("/api/v1/me/notification-preferences\n");
		return text.toString();
	}

}
