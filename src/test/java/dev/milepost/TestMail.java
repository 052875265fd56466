package dev.milepost;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An SMTP server in the test JVM (GreenMail on 127.0.0.1, a free port), started once, and the
 * application's mail settings pointed at it: {@link LockedDownTest}'s context sends its e-mail here.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	/** The running server, started on first use. */
	public static synchronized GreenMail server() {
		if (server == null) {
			GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			started.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-mail-stop"));
			server = started;
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-mail", Map.of("milepost.mail.host", "127.0.0.1", "milepost.mail.port",
					server().getSmtp().getPort(), "milepost.mail.from", "milepost@milepost.test", "milepost.mail.starttls",
					false)));
	}

}
