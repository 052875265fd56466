package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one policy for addresses Milepost calls on someone's behalf: every way of writing a
 * loopback, private or link-local address is refused (IPv6, an IPv4 address carried in IPv6,
 * IPv4 in octal, hexadecimal or as one number, a name that resolves to one), public addresses
 * are accepted, and an administrator's setting lets private ones through but never an
 * ambiguous form.
 */
class OutboundAddressesTests {

	private final OutboundAddresses strict = new OutboundAddresses(false);

	private final OutboundAddresses lenient = new OutboundAddresses(true);

	@Test
	void internalAddressesAreRefusedHoweverTheyAreWritten() {
		List<String> internal = List.of(
				// the forms the issue found registered
				"http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
				// IPv6 loopback, unspecified, link-local, unique local, multicast
				"http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/",
				// IPv4 carried in IPv6: mapped, compatible, NAT64 (well-known and local-use), 6to4, Teredo
				"http://[::ffff:10.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::169.254.169.254]/",
				"http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b:1::c0a8:101]/", "http://[2002:a9fe:a9fe::1]/",
				"http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
				// IPv4 private, loopback, link-local (the cloud metadata address), CGNAT, unspecified, multicast
				"https://127.0.0.1/", "https://127.8.9.10/", "https://10.1.2.3/", "https://172.16.0.9/",
				"https://172.31.255.255/", "https://192.168.1.20/", "https://169.254.169.254/latest/meta-data",
				"https://100.64.0.1/", "https://0.0.0.0/", "https://224.0.0.1/", "https://198.18.0.1/",
				// names
				"http://localhost:8080/", "http://LOCALHOST/");
		for (String url : internal) {
			assertThat(strict.refusal(URI.create(url))).as(url)
				.hasValueSatisfying(reason -> assertThat(reason).contains("MILEPOST_WEBHOOKS_ALLOW_PRIVATE"));
			assertThat(lenient.refusal(URI.create(url))).as("allowed by the setting: " + url).isEmpty();
		}
	}

	@Test
	void literalAddressesAreRefusedAsWrittenWithoutLookingAnythingUp() {
		for (String url : List.of("https://169.254.169.254/", "https://[64:ff9b::7f00:1]/", "https://localhost/",
				"https://api.localhost/")) {
			assertThat(strict.refusalAsWritten(URI.create(url))).as(url).isPresent();
		}
		// a name is only refused once it resolves to an internal address: as written it may pass
		assertThat(strict.refusalAsWritten(URI.create("https://hooks.example.com/in"))).isEmpty();
	}

	@Test
	void ipv4InAnyFormButFourDecimalNumbersIsRefusedWhateverTheSetting() {
		for (String url : List.of("http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://2130706433/",
				"http://127.1/", "http://017700000001/", "http://8.8.010.8/")) {
			for (OutboundAddresses policy : List.of(strict, lenient)) {
				assertThat(policy.refusalAsWritten(URI.create(url))).as(url)
					.hasValueSatisfying(reason -> assertThat(reason).contains("four decimal numbers"));
			}
		}
	}

	@Test
	void publicAddressesAreAccepted() {
		for (String url : List.of("https://93.184.215.14/hook", "http://8.8.8.8:8080/x", "https://[2606:4700::1]/hook",
				"https://[64:ff9b::808:808]/", "https://[2002:808:808::1]/", "https://[::ffff:8.8.4.4]/",
				"https://172.32.0.1/", "https://100.128.0.1/", "https://192.169.0.1/")) {
			assertThat(strict.refusal(URI.create(url))).as(url).isEmpty();
		}
	}

	@Test
	void onlyHttpAndHttpsWithoutCredentialsAreAcceptedWhateverTheSetting() {
		for (String url : List.of("ftp://8.8.8.8/hook", "file:///etc/passwd", "gopher://8.8.8.8/", "ws://8.8.8.8/socket")) {
			assertThat(lenient.refusal(URI.create(url))).as(url)
				.hasValueSatisfying(reason -> assertThat(reason).contains("http:// or https://"));
		}
		assertThat(lenient.refusal(URI.create("https://user:secret@8.8.8.8/"))).hasValueSatisfying(
				reason -> assertThat(reason).contains("user names and passwords"));
	}

}
