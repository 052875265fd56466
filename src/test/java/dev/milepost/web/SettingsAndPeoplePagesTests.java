package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Personal settings (password, API tokens, notification preferences) and the people admin page, over HTTP. */
@MilepostTest
class SettingsAndPeoplePagesTests {

	private static final Pattern SECRET = Pattern.compile("id=\"token-secret\"[^>]*value=\"(mp_[A-Za-z0-9_-]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	// ---- API tokens ---------------------------------------------------------------------------------

	@Test
	void aNewTokenIsShownOnceWorksForTheApiAndStopsWorkingWhenRevoked() {
		PageSession member = PageSession.signIn(port, team.member());
		member.get("/settings");
		HttpResponse<String> created = member.post("/settings/tokens", Map.of("name", "Reporting script"));
		assertThat(created.statusCode()).isEqualTo(302);
		String page = member.get("/settings").body();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the secret is on the page after it is made").isTrue();
		assertThat(page).contains("Reporting script", "Copy it now");
		assertThat(member.get("/settings").body()).as("and on no page after that").doesNotContain(secret.group(1))
			.contains("Reporting script");

		Api withToken = Api.at(port).withToken(secret.group(1));
		assertThat(withToken.get("/api/v1/me").json().get("username").asString()).isEqualTo(team.member().username());

		String settings = member.get("/settings").body();
		String tokenId = settings.replaceAll("(?s).*data-token=\"([0-9a-f-]{36})\">\\s*<td class=\"token-name\">Reporting script<.*", "$1");
		assertThat(member.post("/settings/tokens/" + tokenId + "/revoke", Map.of()).statusCode()).isEqualTo(302);
		assertThat(member.get("/settings").body()).contains("The token is revoked", "revoked 20");
		assertThat(withToken.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutANameOrWithAnUnreadableExpiryIsRefusedBesideTheFieldWith422() {
		PageSession member = PageSession.signIn(port, team.member());
		member.get("/settings");
		HttpResponse<String> refused = member.post("/settings/tokens", Map.of("name", " ", "expiresInDays", "soon"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("No token was made", "id=\"name-error\"", "id=\"expiresInDays-error\"",
				"must be a whole number of days");
		assertThat(team.as(team.member()).get("/api/v1/me/tokens").json()).hasSize(1);
		assertThat(member.postWithoutToken("/settings/tokens", Map.of("name", "Forged")).statusCode()).isEqualTo(403);
		assertThat(team.as(team.member()).get("/api/v1/me/tokens").json()).hasSize(1);
	}

	// ---- password -----------------------------------------------------------------------------------

	@Test
	void aPasswordChangeNeedsTheCurrentPasswordAndTheApisLengthRule() {
		People.Person person = people.person("Pat");
		PageSession pat = PageSession.signIn(port, person);
		pat.get("/settings");
		HttpResponse<String> wrong = pat.post("/settings/password", Map.of("currentPassword", "not-my-password",
				"newPassword", "a-much-longer-secret", "repeatPassword", "a-much-longer-secret"));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("id=\"currentPassword-error\"", "The current password is not right.");
		HttpResponse<String> tooShort = pat.post("/settings/password", Map.of("currentPassword", People.PASSWORD,
				"newPassword", "short", "repeatPassword", "shorter"));
		assertThat(tooShort.statusCode()).isEqualTo(422);
		assertThat(tooShort.body()).contains("must be between 10 and 200 characters", "does not match the new password");

		assertThat(pat.post("/settings/password", Map.of("currentPassword", People.PASSWORD, "newPassword",
				"a-much-longer-secret", "repeatPassword", "a-much-longer-secret")).statusCode()).isEqualTo(302);
		assertThat(pat.get("/settings").body()).contains("Your password is changed.");
		assertThat(Api.at(port).withBasic(person.username(), "a-much-longer-secret").get("/api/v1/me").status())
			.isEqualTo(200);
	}

	// ---- notification preferences -----------------------------------------------------------------------

	@Test
	void preferencesAreAGridOfKindsAndChannelsSavedAsTheApiSavesThem() {
		PageSession member = PageSession.signIn(port, team.member());
		String page = member.get("/settings/notifications").body();
		assertThat(page).contains("id=\"on-MILESTONE_AT_RISK-EMAIL\"", "checked", "name=\"emailDigest\"")
			.doesNotContain("DIGEST:");
		HttpResponse<String> saved = member.post("/settings/notifications",
				List.of(Map.entry("on", "MILESTONE_AT_RISK:IN_APP"), Map.entry("on", "APPROVAL_REQUESTED:EMAIL"),
						Map.entry("on", "DIGEST:EMAIL"), Map.entry("on", "TASK_REMINDER:WEBHOOK"),
						Map.entry("emailDigest", "DAILY")));
		assertThat(saved.statusCode()).isEqualTo(302);
		JsonNode choice = team.as(team.member()).get("/api/v1/me/notification-preferences").json();
		assertThat(choice.get("emailDigest").asString()).isEqualTo("DAILY");
		assertThat(choice.get("channels").get("MILESTONE_AT_RISK").toString()).isEqualTo("[\"IN_APP\"]");
		assertThat(choice.get("channels").get("APPROVAL_REQUESTED").toString()).isEqualTo("[\"EMAIL\"]");
		assertThat(choice.get("channels").get("TASK_REMINDER").toString()).isEqualTo("[]");
		assertThat(member.get("/settings/notifications").body()).contains("Your notification preferences are saved.");
		assertThat(member.postWithoutToken("/settings/notifications", Map.of("emailDigest", "OFF")).statusCode())
			.isEqualTo(403);
	}

	// ---- people ---------------------------------------------------------------------------------------

	@Test
	void onlyAdministratorsSeeAndChangePeople() {
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get("/").body()).doesNotContain("href=\"/admin/people\"", "href=\"/audit\"");
		assertThat(manager.get("/admin/people").statusCode()).isEqualTo(403);
		assertThat(manager.post("/admin/people", Map.of("username", "forged-user", "displayName", "Forged",
				"password", "long-enough-password")).statusCode()).isEqualTo(403);
		assertThat(manager.post("/admin/people/" + team.member().username(), Map.of("change", "deactivate"))
			.statusCode()).isEqualTo(403);
		assertThat(Api.at(port).withToken(team.admin().token()).get("/api/v1/users/forged-user").status())
			.isEqualTo(404);
		assertThat(PageSession.signIn(port, team.admin()).get("/").body()).contains("href=\"/admin/people\"",
				"href=\"/audit\"");
	}

	@Test
	void anAdministratorAddsAPersonWhoCanSignInAndRefusalsComeBackBesideTheFields() {
		PageSession admin = PageSession.signIn(port, team.admin());
		admin.get("/admin/people");
		String username = "newbie-" + System.nanoTime() % 100000;
		HttpResponse<String> refused = admin.post("/admin/people", Map.of("username", "Not Valid", "displayName", "",
				"email", "nope", "password", "short"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"username-error\"", "id=\"displayName-error\"", "id=\"email-error\"",
				"id=\"password-error\"", "must be between 10 and 200 characters", "value=\"Not Valid\"");

		assertThat(admin.post("/admin/people", Map.of("username", username, "displayName", "New <b>Person</b>",
				"email", username + "@example.com", "password", "long-enough-password")).statusCode()).isEqualTo(302);
		String list = admin.get("/admin/people?q=" + username).body();
		assertThat(list).contains("Added " + username, "New &lt;b&gt;Person&lt;/b&gt;").doesNotContain("<b>Person</b>");
		HttpResponse<String> taken = admin.post("/admin/people", Map.of("username", username, "displayName", "Again",
				"password", "long-enough-password"));
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("is taken");
		assertThat(Api.at(port).withBasic(username, "long-enough-password").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorDeactivatesReactivatesAndPromotesPeopleButNotThemselves() {
		PageSession admin = PageSession.signIn(port, team.admin());
		String person = team.member().username();
		admin.get("/admin/people?q=" + person);
		assertThat(admin.post("/admin/people/" + person, Map.of("change", "deactivate")).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/people?q=" + person).body()).contains("is deactivated", "deactivated", "Reactivate");
		assertThat(admin.post("/admin/people/" + person, Map.of("change", "reactivate")).statusCode()).isEqualTo(302);
		assertThat(admin.post("/admin/people/" + person, Map.of("change", "make-admin")).statusCode()).isEqualTo(302);
		JsonNode user = Api.at(port).withToken(team.admin().token()).get("/api/v1/users/" + person).json();
		assertThat(user.get("enabled").asBoolean()).isTrue();
		assertThat(user.get("admin").asBoolean()).isTrue();

		assertThat(admin.get("/admin/people?q=" + team.admin().username()).body()).contains(">you<");
		assertThat(admin.post("/admin/people/" + team.admin().username(), Map.of("change", "remove-admin"))
			.statusCode()).isEqualTo(403);
	}

}
