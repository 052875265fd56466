package dev.milepost.notification;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.ThreadStates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real HTTP receiver on 127.0.0.1: signed per Standard Webhooks, retried with
 * the same id, disabled by a 410, and turned into an incident when the retries run out.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Autowired
	JdbcClient jdbc;

	final Receiver receiver = Receiver.start();

	@AfterAll
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aWebhookGetsEachAchievementSignedSoThatTheSecretVerifiesIt() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/signed/" + team.key();
		JsonNode registered = register(team, Map.of("url", receiver.url(path), "description", "Release channel"));
		String secret = registered.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		JsonNode read = check(team.as(team.manager()).get(team.path("/webhooks/" + registered.get("id").asString())),
				200).json();
		assertThat(read.has("secret")).isFalse();
		assertThat(read.get("enabled").asBoolean()).isTrue();

		String milestone = Projects.milestone(team, "Billing live", team.member(), Projects.today().plusDays(30));
		Projects.achieve(team, team.member(), milestone);

		Receiver.Call call = Eventually.value("the webhook call", () -> receiver.calls(path), calls -> !calls.isEmpty())
			.get(0);
		assertThat(call.signature()).isEqualTo(sign(secret, call.id(), call.timestamp(), call.body()));
		assertThat(Long.parseLong(call.timestamp())).isBetween(Instant.now().getEpochSecond() - 300,
				Instant.now().getEpochSecond() + 5);
		JsonNode payload = JSON.readTree(call.body());
		assertThat(payload.get("type").asString()).isEqualTo("milestone.achieved");
		assertThat(Instant.parse(payload.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
		JsonNode data = payload.get("data");
		assertThat(data.get("projectKey").asString()).isEqualTo(team.key());
		assertThat(data.get("milestone").get("id").asString()).isEqualTo(milestone);
		assertThat(data.get("milestone").get("name").asString()).isEqualTo("Billing live");
		assertThat(data.get("achievedBy").asString()).isEqualTo(team.member().username());
		assertThat(data.get("evidence").asString()).isEqualTo("Go-live checklist signed");
		assertThat(data.get("title").asString()).contains("Billing live");
		assertThat(data.get("subject").get("href").asString()).endsWith("/milestones/" + milestone);

		JsonNode deliveries = deliveries(team, registered);
		assertThat(deliveries.get("items")).hasSize(1);
		JsonNode delivery = deliveries.get("items").get(0);
		assertThat(delivery.get("id").asString()).isEqualTo(call.id());
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.get("history")).hasSize(1);
		assertThat(delivery.get("history").get(0).get("statusCode").asInt()).isEqualTo(200);
	}

	@Test
	void aReceiverThatFailsOnceGetsTheSameMessageWithTheSameIdAgain() {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/flaky/" + team.key();
		receiver.answer(path, 500);
		JsonNode registered = register(team, Map.of("url", receiver.url(path)));
		String secret = registered.get("secret").asString();

		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Printers migrated", team.member(), Projects.today().plusDays(30)));

		List<Receiver.Call> calls = Eventually.value("a retry", () -> receiver.calls(path), found -> found.size() >= 2);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1).id()).isEqualTo(calls.get(0).id());
		assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
		calls.forEach(call -> assertThat(call.signature()).isEqualTo(sign(secret, call.id(), call.timestamp(),
				call.body())));
		JsonNode delivery = Eventually.value("the delivery recorded", () -> deliveries(team, registered).get("items")
			.get(0), found -> found.get("status").asString().equals("DELIVERED"));
		assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
		assertThat(delivery.get("history").values()).extracting(attempt -> attempt.get("statusCode").asInt())
			.containsExactly(500, 200);
	}

	@Test
	void a410GoneDisablesTheEndpointSoItGetsNothingUntilAManagerEnablesItAgain() {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/gone/" + team.key();
		receiver.answer(path, 410);
		JsonNode registered = register(team, Map.of("url", receiver.url(path)));
		String webhook = team.path("/webhooks/" + registered.get("id").asString());

		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Old CRM switched off", team.member(), Projects.today().plusDays(30)));
		background.drain();
		JsonNode disabled = check(team.as(team.manager()).get(webhook), 200).json();
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledReason").asString()).contains("410");
		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Archive read-only", team.member(), Projects.today().plusDays(30)));
		// everything due is delivered now: a call to the disabled endpoint would have been made by here
		background.drain();
		assertThat(receiver.calls(path)).hasSize(1);
		assertThat(deliveries(team, registered).get("items").values()).extracting(each -> each.get("status").asString())
			.containsExactly("FAILED");

		check(team.as(team.manager()).post(webhook + "/enable", null), 200);
		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Reports moved", team.member(), Projects.today().plusDays(30)));

		background.drain();
		assertThat(receiver.calls(path)).hasSize(2);
		assertThat(receiver.calls(path).get(1).body()).contains("Reports moved");
	}

	@Test
	void retriesThatRunOutBecomeAnIncidentThatAManagerSeesAndRetries() {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/down/" + team.key();
		receiver.always(path, 503);
		JsonNode registered = register(team, Map.of("url", receiver.url(path)));

		Projects.achieve(team, team.member(),
				Projects.milestone(team, "VPN replaced", team.member(), Projects.today().plusDays(30)));

		JsonNode incidents = Eventually.value("an incident", () -> check(team.as(team.manager())
			.get(team.path("/incidents")), 200).json(), found -> found.get("totalItems").asLong() > 0);
		JsonNode incident = incidents.get("items").get(0);
		assertThat(incident.get("channel").asString()).isEqualTo("WEBHOOK");
		assertThat(incident.get("webhookUrl").asString()).isEqualTo(receiver.url(path));
		assertThat(incident.get("lastStatus").asInt()).isEqualTo(503);
		assertThat(incident.get("attempts").asInt()).isGreaterThan(1);
		int attempts = receiver.calls(path).size();
		assertThat(attempts).isEqualTo(incident.get("attempts").asInt());
		assertThat(receiver.calls(path).stream().map(Receiver.Call::id).distinct()).hasSize(1);
		String webhook = team.path("/webhooks/" + registered.get("id").asString());
		assertThat(check(team.as(team.manager()).get(webhook), 200).json().get("enabled").asBoolean()).isFalse();
		assertThat(team.as(team.stakeholder()).get(team.path("/incidents")).status()).isEqualTo(403);

		receiver.heal(path);
		check(team.as(team.manager()).post(team.path("/incidents/" + incident.get("id").asString() + "/retry"), null),
				200);

		Eventually.until("the retried delivery", () -> receiver.calls(path).size() == attempts + 1);
		Eventually.until("the incident resolved", () -> check(team.as(team.manager()).get(team.path("/incidents")), 200)
			.json()
			.get("totalItems")
			.asLong() == 0);
		assertThat(check(team.as(team.manager()).get(webhook), 200).json().get("enabled").asBoolean()).isTrue();
	}

	@Test
	void aChatWebhookGetsTextOnlyAndOnlyTheKindsItChose() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/chat/" + team.key();
		register(team, Map.of("url", receiver.url(path), "format", "CHAT", "events", List.of("MILESTONE_MISSED")));

		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Not for chat", team.member(), Projects.today().plusDays(30)));
		Projects.milestone(team, "Licences renewed", team.member(), Projects.today().minusDays(2));

		background.drain();
		// the achievement is not among the kinds chosen, so the missed milestone is the only call
		assertThat(receiver.calls(path)).hasSize(1);
		JsonNode payload = JSON.readTree(receiver.calls(path).get(0).body());
		assertThat(payload.propertyNames()).containsExactly("text");
		assertThat(payload.get("text").asString()).contains("Licences renewed").contains("missed");
	}

	@Test
	void aWorkspaceWebhookGetsEveryProjectsEvents() {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/workspace/" + team.key();
		Api admin = team.as(team.admin());
		String id = check(admin.post("/api/v1/webhooks", Map.of("url", receiver.url(path))), 201).json()
			.get("id")
			.asString();
		try {
			Projects.achieve(team, team.member(),
					Projects.milestone(team, "Service desk moved", team.member(), Projects.today().plusDays(30)));
			Eventually.until("the workspace webhook call", () -> receiver.calls(path).stream()
				.anyMatch(call -> call.body().contains("Service desk moved")));
			assertThat(check(admin.get("/api/v1/webhooks/" + id + "/deliveries"), 200).json().get("totalItems").asLong())
				.isPositive();
		}
		finally {
			check(admin.delete("/api/v1/webhooks/" + id), 204);
		}
	}

	@Test
	void drainingWaitsForTheCallTheBackgroundRoundIsMakingAndLeavesNothingInFlight() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		String path = "/held/" + team.key();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		receiver.hold(path, entered, release);
		UUID webhook = UUID.fromString(register(team, Map.of("url", receiver.url(path))).get("id").asString());
		Projects.achieve(team, team.member(),
				Projects.milestone(team, "Firewall swapped", team.member(), Projects.today().plusDays(30)));
		// the background loop's round has made the call and waits for the answer
		assertThat(entered.await(1, TimeUnit.MINUTES)).isTrue();

		FutureTask<Long> drained = new FutureTask<>(() -> {
			background.drain();
			return jdbc.sql("select count(*) from notification_delivery where webhook_id = :w and lease_token is not null")
				.param("w", webhook)
				.query(Long.class)
				.single();
		});
		Thread caller = new Thread(drained, "drain-caller");
		caller.start();
		ThreadStates.awaitWaitingOrDone(caller);
		release.countDown();

		assertThat(drained.get()).as("deliveries still in flight when draining returned").isZero();
		assertThat(receiver.calls(path)).hasSize(1);
	}

	private JsonNode register(Teams.Team team, Map<String, Object> body) {
		return check(team.as(team.manager()).post(team.path("/webhooks"), body), 201).json();
	}

	private JsonNode deliveries(Teams.Team team, JsonNode registered) {
		return check(team.as(team.manager()).get(team.path("/webhooks/" + registered.get("id").asString()
				+ "/deliveries")), 200).json();
	}

	/** The documented algorithm, written out independently of the application's code. */
	static String sign(String secret, String id, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return "v1," + Base64.getEncoder()
				.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
