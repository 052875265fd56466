import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Basic against a personal API token on one running instance, in one run: rounds of N
 * sequential {@code GET /api/v1/me} with Basic, then N with a bearer token (the order alternating
 * from round to round), one warm-up round; prints each round's mean per request, the medians and
 * the ratio Basic / token. Plain JDK 17, no dependencies; talks to 127.0.0.1 only and stops by
 * itself.
 *
 * <pre>
 * java bench/auth/BasicVsToken.java [--base http://127.0.0.1:8080] [--user maria.keller]
 *     [--password milepost-demo] [--requests 500] [--rounds 7]
 * </pre>
 */
public class BasicVsToken {

	public static void main(String[] args) throws Exception {
		String base = option(args, "base", "http://127.0.0.1:8080");
		String user = option(args, "user", "maria.keller");
		String password = option(args, "password", "milepost-demo");
		int requests = Integer.parseInt(option(args, "requests", "500"));
		int rounds = Integer.parseInt(option(args, "rounds", "7"));
		URI uri = URI.create(base);
		if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
			throw new IllegalArgumentException("this benchmark targets 127.0.0.1 only, not " + uri.getHost());
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest issue = HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
			.header("Authorization", basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"basic-vs-token " + System.nanoTime() + "\"}"))
			.build();
		HttpResponse<String> issued = http.send(issue, HttpResponse.BodyHandlers.ofString());
		// a fresh instance may still be loading its demo people: wait up to two minutes for them
		for (int wait = 0; issued.statusCode() == 401 && wait < 120; wait++) {
			Thread.sleep(1000);
			issued = http.send(issue, HttpResponse.BodyHandlers.ofString());
		}
		Matcher secret = Pattern.compile("\"token\"\\s*:\\s*\"(mp_[^\"]+)\"").matcher(issued.body());
		if (issued.statusCode() != 201 || !secret.find()) {
			throw new IllegalStateException("could not issue a token: " + issued.statusCode() + " " + issued.body());
		}
		String bearer = "Bearer " + secret.group(1);
		double[] basicMeans = new double[rounds];
		double[] tokenMeans = new double[rounds];
		for (int round = -1; round < rounds; round++) {
			boolean basicFirst = round % 2 == 0;
			double b;
			double t;
			if (basicFirst) {
				b = meanMillis(http, base, basic, requests);
				t = meanMillis(http, base, bearer, requests);
			}
			else {
				t = meanMillis(http, base, bearer, requests);
				b = meanMillis(http, base, basic, requests);
			}
			if (round >= 0) {
				basicMeans[round] = b;
				tokenMeans[round] = t;
				System.out.printf("round %d: basic %.3f ms, token %.3f ms, ratio %.2f%n", round + 1, b, t, b / t);
			}
		}
		double b = median(basicMeans);
		double t = median(tokenMeans);
		System.out.printf("GET /api/v1/me, %d requests per round and credential, %d rounds (medians of round means):%n",
				requests, rounds);
		System.out.printf("basic %.3f ms/request, token %.3f ms/request, basic/token = %.2f%n", b, t, b / t);
	}

	static double meanMillis(HttpClient http, String base, String authorization, int requests) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
			.header("Authorization", authorization)
			.GET()
			.build();
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /api/v1/me answered " + response.statusCode() + ": " + response.body());
			}
		}
		return (System.nanoTime() - start) / 1e6 / requests;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--" + name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
