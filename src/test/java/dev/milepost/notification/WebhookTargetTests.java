package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import dev.milepost.common.RuleViolationException;
import dev.milepost.notification.webhook.WebhookTargets;
import org.junit.jupiter.api.Test;

/** Which addresses a webhook may call, with private targets allowed and not. */
class WebhookTargetTests {

	private final WebhookTargets strict = WebhookTargets.allowingPrivate(false);

	private final WebhookTargets lenient = WebhookTargets.allowingPrivate(true);

	@Test
	void loopbackPrivateAndLinkLocalTargetsAreRefusedUnlessAllowed() {
		for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
				"http://10.1.2.3/hook", "http://172.16.0.9/hook", "http://192.168.1.20/hook",
				"http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
				"http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook")) {
			assertThat(strict.refusal(URI.create(url))).as(url).hasValueSatisfying(reason -> assertThat(reason)
				.contains("MILEPOST_WEBHOOKS_ALLOW_PRIVATE"));
			assertThat(lenient.refusal(URI.create(url))).as(url).isEmpty();
		}
	}

	@Test
	void theLoopbackFormsFoundRegisteredAreRefusedAtRegistrationNamingTheField() {
		for (String url : List.of("http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
				"http://0177.0.0.1/")) {
			assertThatThrownBy(() -> strict.require(url)).as(url)
				.isInstanceOfSatisfying(RuleViolationException.class,
						refused -> assertThat(refused.getMessage()).containsAnyOf("loopback", "four decimal numbers"));
		}
	}

	@Test
	void publicAddressesAreAccepted() {
		for (String url : List.of("https://93.184.215.14/hook", "http://8.8.8.8:8080/x", "https://[2606:4700::1]/hook")) {
			assertThat(strict.refusal(URI.create(url))).as(url).isEmpty();
		}
	}

	@Test
	void onlyHttpAndHttpsAreAcceptedWhateverTheSetting() {
		for (String url : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "gopher://127.0.0.1/",
				"ws://127.0.0.1/socket")) {
			assertThat(lenient.refusal(URI.create(url))).as(url).hasValueSatisfying(reason -> assertThat(reason)
				.contains("http:// or https://"));
		}
	}

}
