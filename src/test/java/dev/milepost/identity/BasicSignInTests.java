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

/** HTTP Basic remembers a verified password briefly, and forgets it the moment it stops being right. */
@MilepostTest
class BasicSignInTests {

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
	void aPasswordUsedBeforeStopsWorkingRightAfterItIsChanged() {
		People.Person ana = people.person("Ana");
		Api asAna = api.withBasic(ana.username(), People.PASSWORD);
		assertThat(asAna.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(asAna.get("/api/v1/me").status()).isEqualTo(200);

		Api.Response changed = asAna.post("/api/v1/me/password",
				Map.of("currentPassword", People.PASSWORD, "newPassword", "a-brand-new-password"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);

		assertThat(asAna.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.withBasic(ana.username(), "a-brand-new-password").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aPasswordUsedBeforeStopsWorkingRightAfterThePersonIsDeactivated() {
		People.Person admin = people.admin("Root");
		People.Person ben = people.person("Ben");
		Api asBen = api.withBasic(ben.username(), People.PASSWORD);
		assertThat(asBen.get("/api/v1/me").status()).isEqualTo(200);

		assertThat(api.withToken(admin.token()).delete("/api/v1/users/" + ben.username()).status()).isEqualTo(204);

		assertThat(asBen.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aWrongPasswordIsRefusedAfterTheRightOneWasUsed() {
		People.Person cara = people.person("Cara");
		assertThat(api.withBasic(cara.username(), People.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(api.withBasic(cara.username(), People.PASSWORD + "x").get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.withBasic(cara.username(), "").get("/api/v1/me").status()).isEqualTo(401);
	}

}
