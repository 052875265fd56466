package dev.milepost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milepost.Api;
import dev.milepost.LockedDownTest;
import dev.milepost.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With HTTP Basic switched off ({@code milepost.api.basic-auth=false}), only personal API tokens open the API. */
@LockedDownTest
class BasicAuthSwitchTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Test
	void passwordsNoLongerOpenTheApiButTokensDo() {
		People.Person ana = people.person("Ana");
		Api.Response basic = Api.at(port).withBasic(ana.username(), People.PASSWORD).get("/api/v1/me");
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(Api.at(port).withToken(ana.token()).get("/api/v1/me").status()).isEqualTo(200);
	}

}
