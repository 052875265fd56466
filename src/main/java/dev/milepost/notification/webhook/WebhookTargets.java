package dev.milepost.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import dev.milepost.common.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may call: http or https only, and, unless an administrator allows
 * it, nothing that resolves to a loopback, private, link-local or otherwise internal address,
 * so a webhook cannot be used to reach services inside the network. Checked when a webhook is
 * registered and again before every call (a name may resolve differently later).
 */
@Component
public class WebhookTargets {

	private final boolean allowPrivate;

	WebhookTargets(WebhookSettings settings) {
		this.allowPrivate = settings.allowPrivate();
	}

	/** The policy with private targets allowed or not, whatever the settings say. */
	public static WebhookTargets allowingPrivate(boolean allowPrivate) {
		return new WebhookTargets(new WebhookSettings(allowPrivate, null));
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
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("A webhook URL must start with http:// or https://; '" + uri.getScheme()
					+ "' is not accepted.");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return Optional.of("The webhook URL has no host name.");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("Leave user names and passwords out of the webhook URL; receivers check the signature.");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException e) {
			return Optional.of("The host '" + uri.getHost() + "' cannot be resolved; check the name.");
		}
		if (allowPrivate) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (internal(address)) {
				return Optional.of("The host '" + uri.getHost() + "' resolves to " + address.getHostAddress()
						+ ", a loopback, private or link-local address; such targets are refused unless an "
						+ "administrator allows them (MILEPOST_WEBHOOKS_ALLOW_PRIVATE=true).");
			}
		}
		return Optional.empty();
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

	/** Loopback, private, link-local, unique-local, carrier-grade NAT, unspecified or multicast. */
	static boolean internal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second & 0xfe) == 18)
					|| first >= 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses
			return (bytes[0] & 0xfe) == 0xfc;
		}
		return false;
	}

}
