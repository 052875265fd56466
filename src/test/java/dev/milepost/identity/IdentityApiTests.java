package dev.milepost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MilepostTest
class IdentityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	Api api;

	@BeforeEach
	void setUp() {
		api = Api.at(port);
	}

	@Test
	void anonymousCallsGetA401ProblemThatSaysHowToSignIn() {
		Api.Response response = api.get("/api/v1/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("Bearer");
		assertThat(response.header("WWW-Authenticate")).contains("Bearer");
	}

	@Test
	void aPersonalTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
		People.Person ana = people.person("Ana");
		Api.Response created = api.withBasic(ana.username(), People.PASSWORD).post("/api/v1/me/tokens",
				Map.of("name", "laptop"));
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("token").asString();
		assertThat(secret).startsWith("mp_");

		Api asToken = api.withToken(secret);
		assertThat(asToken.get("/api/v1/me").json().get("username").asString()).isEqualTo(ana.username());
		Api.Response listed = asToken.get("/api/v1/me/tokens");
		assertThat(listed.body()).doesNotContain(secret);

		String id = created.json().get("id").asString();
		assertThat(asToken.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
		assertThat(asToken.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenStopsWorkingWhenItExpiresOrItsPersonIsDisabledAndRecordsWhenItWasLastUsed(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		People.Person cleo = people.person("Cleo");
		People.Person dan = people.person("Dan");
		assertThat(jdbc.sql("select count(*) from api_token where user_id = :id and last_used_at is not null")
			.param("id", cleo.id())
			.query(Long.class)
			.single()).as("not used yet").isZero();
		assertThat(api.withToken(cleo.token()).get("/api/v1/me").json().get("username").asString())
			.isEqualTo(cleo.username());
		assertThat(jdbc.sql("select count(*) from api_token where user_id = :id and last_used_at is not null")
			.param("id", cleo.id())
			.query(Long.class)
			.single()).as("used once").isOne();

		jdbc.sql("update api_token set expires_at = :past where user_id = :id")
			.param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
			.param("id", cleo.id())
			.update();
		assertThat(api.withToken(cleo.token()).get("/api/v1/me").status()).as("expired").isEqualTo(401);

		assertThat(api.withToken(dan.token()).get("/api/v1/me").status()).isEqualTo(200);
		jdbc.sql("update app_user set enabled = false where id = :id").param("id", dan.id()).update();
		assertThat(api.withToken(dan.token()).get("/api/v1/me").status()).as("disabled").isEqualTo(401);
	}

	@Test
	void someoneWhoIsNotAnAdministratorSeesOnlyThePeopleTheyShareAProjectWithAndNoOneElsesAddress(
			@Autowired dev.milepost.Teams teams) {
		dev.milepost.Teams.Team team = teams.team(api);
		People.Person stranger = people.person("Stranger");
		Api member = team.as(team.member());

		tools.jackson.databind.JsonNode listed = member.get("/api/v1/users?size=200").json();
		java.util.List<String> seen = new java.util.ArrayList<>();
		for (tools.jackson.databind.JsonNode person : listed.get("items")) {
			seen.add(person.get("username").asString());
			boolean own = person.get("username").asString().equals(team.member().username());
			assertThat(person.hasNonNull("email")).as("e-mail of " + person.get("username")).isEqualTo(own);
		}
		assertThat(seen).contains(team.member().username(), team.manager().username())
			.doesNotContain(stranger.username());
		assertThat(listed.get("totalItems").asLong()).isEqualTo(seen.size());
		assertThat(member.get("/api/v1/users/" + stranger.username()).status()).isEqualTo(404);
		assertThat(member.get("/api/v1/users/" + team.manager().username()).json().hasNonNull("email")).isFalse();
		assertThat(api.withToken(stranger.token()).get("/api/v1/users/" + team.member().username()).status())
			.isEqualTo(404);

		Api admin = team.as(team.admin());
		assertThat(admin.get("/api/v1/users/" + stranger.username()).json().get("email").asString())
			.isEqualTo(stranger.username() + "@example.com");
	}

	@Test
	void aWrongPasswordOrAnUnknownTokenIsRefused() {
		People.Person ben = people.person("Ben");
		assertThat(api.withBasic(ben.username(), "not-the-password").get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.withToken("mp_unknown").get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void onlyAdministratorsCreatePeople() {
		People.Person admin = people.admin("Root");
		People.Person carla = people.person("Carla");
		Map<String, Object> newUser = Map.of("username", "dora-" + System.nanoTime(), "displayName", "Dora",
				"password", "a-long-password");
		Api.Response refused = api.withToken(carla.token()).post("/api/v1/users", newUser);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		Api.Response created = api.withToken(admin.token()).post("/api/v1/users", newUser);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/v1/users/" + newUser.get("username"));
		assertThat(created.body()).doesNotContain("password");
	}

	@Test
	void thePasswordIsStoredAsABcryptHashOfCostTenOrMore(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		People.Person eve = people.person("Eve");
		String hash = jdbc.sql("select password_hash from app_user where username = :u")
			.param("u", eve.username())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2a$");
		int cost = Integer.parseInt(hash.substring("{bcrypt}$2a$".length(), "{bcrypt}$2a$".length() + 2));
		assertThat(cost).isGreaterThanOrEqualTo(10);
	}

}
