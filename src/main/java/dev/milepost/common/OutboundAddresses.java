package dev.milepost.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses Milepost may send a request to on someone's behalf (a webhook, a blueprint's
 * {@code call-webhook}): http or https, no user name or password in the address, a host written
 * as a name or a plain address, and, unless an administrator allows it
 * ({@code MILEPOST_WEBHOOKS_ALLOW_PRIVATE=true}), nothing on a loopback, private, link-local,
 * unique-local, carrier-grade NAT, unspecified or multicast address, also when such an IPv4
 * address is carried inside an IPv6 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). The
 * one policy that webhook registration, blueprint validation and every call ask.
 *
 * <p>
 * A host written as an IPv4 address in any form but four decimal numbers ({@code 0177.0.0.1},
 * {@code 0x7f.1}, {@code 2130706433}, {@code 127.1}) is refused whatever the setting: resolvers
 * disagree on what those mean (the C library reads {@code 0177} as octal 127, Java as decimal 177),
 * so what is checked might not be what is called.
 */
@Component
public class OutboundAddresses {

	private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)[0-9a-fx.]+");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final boolean allowPrivate;

	public OutboundAddresses(@Value("${milepost.webhooks.allow-private:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** Why an address may not be called, looked at as written (no name is resolved), or empty. */
	public Optional<String> refusalAsWritten(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("The address must start with http:// or https://; '" + uri.getScheme()
					+ "' is not accepted.");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			// java.net.URI leaves the host out when it is neither a name nor an address (0x7f000001, 127.1)
			return Optional.of(uri.getRawAuthority() == null ? "The address has no host name."
					: "'" + uri.getRawAuthority() + "' is not a host name, nor an address written as four decimal "
							+ "numbers (e.g. 203.0.113.5).");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("Leave user names and passwords out of the address; receivers check the signature.");
		}
		if (!host.startsWith("[") && NUMERIC_HOST.matcher(host).matches() && host.chars().anyMatch(Character::isDigit)
				&& !DOTTED_QUAD.matcher(host).matches()) {
			return Optional.of("The host '" + host + "' is an IPv4 address in an unusual form; write it as four "
					+ "decimal numbers without leading zeros (e.g. 203.0.113.5).");
		}
		if (allowPrivate) {
			return Optional.empty();
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return Optional.of(internalRefusal(host, "the local machine"));
		}
		if (host.startsWith("[") || DOTTED_QUAD.matcher(host).matches()) {
			try {
				// a literal address: nothing is looked up
				InetAddress address = InetAddress.getByName(host);
				if (internal(address)) {
					return Optional.of(internalRefusal(host, address.getHostAddress()));
				}
			}
			catch (UnknownHostException e) {
				return Optional.of("'" + host + "' is not a valid address.");
			}
		}
		return Optional.empty();
	}

	/** Why an address may not be called now: as written, and every address its host resolves to. */
	public Optional<String> refusal(URI uri) {
		Optional<String> asWritten = refusalAsWritten(uri);
		if (asWritten.isPresent()) {
			return asWritten;
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
				return Optional.of(internalRefusal(uri.getHost(), address.getHostAddress()));
			}
		}
		return Optional.empty();
	}

	private static String internalRefusal(String host, String address) {
		return "The host '" + host + "' resolves to " + address + ", a loopback, private or link-local address; such "
				+ "targets are refused unless an administrator allows them (MILEPOST_WEBHOOKS_ALLOW_PRIVATE=true).";
	}

	/**
	 * Loopback, private, link-local, unique-local, carrier-grade NAT, benchmarking, reserved,
	 * unspecified or multicast; for IPv6 also any IPv4 address it carries that is one of those.
	 */
	public static boolean internal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return internalIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc // fc00::/7 unique local
					|| carriedIpv4(bytes).map(OutboundAddresses::internalIpv4).orElse(false);
		}
		return false;
	}

	private static boolean internalIpv4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first == 0 || first == 10 || first == 127 || (first == 169 && second == 254)
				|| (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)
				|| (first == 100 && second >= 64 && second < 128) || (first == 198 && (second & 0xfe) == 18)
				|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 224;
	}

	/** The IPv4 address an IPv6 one carries, by the ways IPv6 carries one. */
	private static Optional<byte[]> carriedIpv4(byte[] v6) {
		if (zeros(v6, 0, 10) && ((v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff || v6[10] == 0 && v6[11] == 0)) {
			// ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
			return Optional.of(slice(v6, 12));
		}
		if ((v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b) {
			// 64:ff9b::/96 (well-known NAT64) and 64:ff9b:1::/48 (local-use NAT64)
			return Optional.of(slice(v6, 12));
		}
		if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
			// 2002:aabb:ccdd::/48 (6to4)
			return Optional.of(slice(v6, 2));
		}
		if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x01 && v6[2] == 0 && v6[3] == 0) {
			// 2001::/32 (Teredo): the client's address, inverted, in the last four bytes
			byte[] client = slice(v6, 12);
			for (int i = 0; i < 4; i++) {
				client[i] = (byte) ~client[i];
			}
			return Optional.of(client);
		}
		return Optional.empty();
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] slice(byte[] bytes, int from) {
		byte[] four = new byte[4];
		System.arraycopy(bytes, from, four, 0, 4);
		return four;
	}

}
