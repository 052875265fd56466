package dev.milepost.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import dev.milepost.common.OutboundAddresses;
import dev.milepost.common.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may call: {@link OutboundAddresses}, the one policy for every request
 * Milepost sends on someone's behalf, checked when a webhook is registered and again before every
 * call (a name may resolve differently later).
 */
@Component
public class WebhookTargets {

	private final OutboundAddresses addresses;

	WebhookTargets(OutboundAddresses addresses) {
		this.addresses = addresses;
	}

	/** The policy with private targets allowed or not, whatever the settings say. */
	public static WebhookTargets allowingPrivate(boolean allowPrivate) {
		return new WebhookTargets(new OutboundAddresses(allowPrivate));
	}

	/** Refuses an unacceptable target with a 422 naming the {@code url} field. */
	public URI require(String url) {
		URI uri = parse(url).orElseThrow(() -> new RuleViolationException("url",
				"'" + url + "' is not a valid URL; give an absolute http or https address."));
		refusal(uri).ifPresent(reason -> {
			throw new RuleViolationException("url", reason);
		});
		return uri;
	}

	/** Why a target may not be called, or empty when it may. */
	public Optional<String> refusal(URI uri) {
		return addresses.refusal(uri);
	}

	static Optional<URI> parse(String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url.trim());
			return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException e) {
			return Optional.empty();
		}
	}

}
