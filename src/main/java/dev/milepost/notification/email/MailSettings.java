package dev.milepost.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMTP settings ({@code milepost.mail.*}); e-mail is off while no host is set.
 *
 * @param host the SMTP server, e.g. {@code smtp.example.com}
 * @param port its port (default 587)
 * @param username the SMTP user, if the server wants one
 * @param password its password
 * @param from the sender address of every e-mail (default {@code milepost@localhost})
 * @param starttls upgrade the connection with STARTTLS when the server offers it (default true)
 */
@ConfigurationProperties("milepost.mail")
public record MailSettings(String host, Integer port, String username, String password, String from,
		Boolean starttls) {

	public MailSettings {
		host = host == null ? "" : host.trim();
		port = port == null ? 587 : port;
		from = from == null || from.isBlank() ? "milepost@localhost" : from;
		starttls = starttls == null || starttls;
	}

	public boolean configured() {
		return !host.isEmpty();
	}

}
