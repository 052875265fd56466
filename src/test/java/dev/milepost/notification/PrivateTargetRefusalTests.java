package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.LockedDownTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * With private targets not allowed (the default), a webhook on a loopback or private address is
 * refused with a 422 naming the url, and nothing is registered.
 */
@LockedDownTest
class PrivateTargetRefusalTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoopbackOrPrivateTargetIsRefusedWhenPrivateTargetsAreNotAllowed() {
		Teams.Team team = teams.team(Api.at(port));
		for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost:9000/hook",
				"http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data")) {
			long before = webhooks();
			Api.Response refused = team.as(team.manager()).post(team.path("/webhooks"), Map.of("url", url));
			assertThat(refused.status()).as(url).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			JsonNode problem = refused.json();
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("url");
			assertThat(problem.get("detail").asString()).contains("MILEPOST_WEBHOOKS_ALLOW_PRIVATE");
			assertThat(webhooks()).isEqualTo(before);
		}
		Api.Response workspace = team.as(team.admin()).post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1/x"));
		assertThat(workspace.status()).isEqualTo(422);
	}

	private long webhooks() {
		return jdbc.sql("select count(*) from webhook").query(Long.class).single();
	}

}
