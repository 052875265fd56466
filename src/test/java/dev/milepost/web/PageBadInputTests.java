package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Values the pages could not store as sent, as the API refuses them: a date outside 1900-01-01 …
 * 2199-12-31 beside its field, text holding a NUL in a form or a query on an error page (400, not
 * a 500, not a stored value); nothing is saved.
 */
@MilepostTest
class PageBadInputTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	@Test
	void aFormDateOutsideTheSupportedRangeComesBackBesideItsField() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(tasks() + "/new");
		HttpResponse<String> refused = manager.post(tasks(), Map.of("name", "Load balances", "durationDays", "3",
				"plannedStart", "1582-10-10", "percentComplete", "0"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"plannedStart-error\"",
				"must be a date like 2026-03-02 from 1900-01-01 to 2199-12-31");
		assertThat(savedTasks()).isZero();
	}

	@Test
	void formTextWithANulIsRefusedOnAnErrorPage() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(tasks() + "/new");
		HttpResponse<String> refused = manager.post(tasks(), Map.of("name", "Load\u0000balances", "durationDays", "3",
				"percentComplete", "0"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("&#39;name&#39; contains a NUL character");
		assertThat(savedTasks()).isZero();
	}

	@Test
	void aQueryWithANulIsRefusedOnAnErrorPage() {
		PageSession manager = PageSession.signIn(port, team.manager());
		HttpResponse<String> refused = manager.get(tasks() + "?q=a%00b");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("&#39;q&#39; contains a NUL character").doesNotContain("Apache Tomcat");
	}

	private String tasks() {
		return "/projects/" + team.key() + "/tasks";
	}

	private int savedTasks() {
		return team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt();
	}

}
