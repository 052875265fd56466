package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in, the start page, API docs and the operator endpoints, over real HTTP. */
@MilepostTest
class PagesAndOperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void signingInRenewsTheSessionAndShowsOnlyThePersonsProjects() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> page = get(browser, "/signin");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
		String before = session(cookies);
		String csrf = csrf(page.body());

		HttpResponse<String> signedIn = post(browser, "/signin",
				"username=" + team.member().username() + "&password=" + People.PASSWORD + "&_csrf=" + enc(csrf));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(session(cookies)).isNotEqualTo(before);

		HttpResponse<String> home = get(browser, "/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(team.key()).doesNotContain(team.key() + "X");
	}

	@Test
	void aWrongPasswordOrAMissingCsrfTokenDoesNotSignIn() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = csrf(get(browser, "/signin").body());
		HttpResponse<String> wrong = post(browser, "/signin",
				"username=" + team.member().username() + "&password=wrong-password&_csrf=" + enc(csrf));
		assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/signin?error");
		HttpResponse<String> forged = post(browser, "/signin",
				"username=" + team.member().username() + "&password=" + People.PASSWORD);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(get(browser, "/").statusCode()).isEqualTo(302);
	}

	@Test
	void theStartPageNeedsASignIn() throws Exception {
		HttpResponse<String> home = get(HttpClient.newHttpClient(), "/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/signin");
	}

	@Test
	void healthProbesAreOpenAndMetricsAreForAdministrators() {
		Api api = Api.at(port);
		assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/metrics").status()).isIn(302, 401);
	}

	@Test
	void healthDetailsAreForAdministratorsOnly(@Autowired People people) {
		Api.Response anonymous = Api.at(port).get("/actuator/health");
		assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).isFalse();
		HttpResponse<byte[]> member = PageSession.signIn(port, people.person("Curious")).bytes("/actuator/health");
		assertThat(member.statusCode()).isEqualTo(200);
		assertThat(new String(member.body(), java.nio.charset.StandardCharsets.UTF_8)).as("a member sees no details")
			.contains("\"UP\"")
			.doesNotContain("components");
		HttpResponse<byte[]> admin = PageSession.signIn(port, people.admin("Operator")).bytes("/actuator/health");
		assertThat(new String(admin.body(), java.nio.charset.StandardCharsets.UTF_8))
			.as("an administrator sees the database")
			.contains("components")
			.contains("\"db\"");
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		Api.Response docs = Api.at(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/projects/{key}/milestones/{id}/achievement")).isTrue();
		assertThat(Api.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient client, String path, String form)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String session(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
