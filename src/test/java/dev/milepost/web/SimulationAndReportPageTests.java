package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Monte Carlo page (a background job polled until its charts render) and the status report
 * with its PDF, over HTTP as a signed-in person.
 */
@MilepostTest
class SimulationAndReportPageTests {

	private static final Pattern JOB = Pattern.compile("/simulation\\?job=([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	String milestone;

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String task = Teams.check(manager.post(team.path("/tasks"), Teams.task("Migrate <ledgers>")), 201).json()
			.get("id").asString();
		milestone = Teams.check(manager.post(team.path("/milestones"), Map.of("name", "Ledgers live & signed",
				"targetDate", "2027-03-31", "owner", team.manager().username(), "criterion", Teams.ownerConfirmation())),
				201).json().get("id").asString();
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
	}

	/** Starts a simulation through the form and follows the job until it is done; returns the result fragment. */
	private String simulate(PageSession session) throws InterruptedException {
		session.get("/projects/" + team.key() + "/simulation");
		HttpResponse<String> started = session.post("/projects/" + team.key() + "/simulation",
				Map.of("iterations", "500", "distribution", "TRIANGULAR", "seed", "7"));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		Matcher job = JOB.matcher(started.headers().firstValue("Location").orElseThrow());
		assertThat(job.find()).isTrue();
		HttpResponse<String> page = session.get("/projects/" + team.key() + "/simulation?job=" + job.group(1));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"job\"");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String fragment;
		do {
			Thread.sleep(100);
			fragment = session.get("/projects/" + team.key() + "/simulation/jobs/" + job.group(1)).body();
		}
		while (fragment.contains("<progress") && Instant.now().isBefore(deadline));
		return fragment;
	}

	@Test
	void aStakeholderRunsASimulationAndGetsHistogramSCurveAndCriticality() throws InterruptedException {
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());

		String result = simulate(stakeholder);

		assertThat(result).contains("data-status=\"SUCCEEDED\"", "class=\"sim-chart histogram\"",
				"class=\"sim-chart s-curve\"", "class=\"bin\"", "mark mark-p80", "mark mark-target",
				"Chance of meeting the target", "Ledgers live &amp; signed", "Migrate &lt;ledgers&gt;",
				"500</span> iterations", "TRIANGULAR", "id=\"criticality\"");
		assertThat(result).doesNotContain("style=", "<script", "hx-trigger");
	}

	@Test
	void aJobIsOnlyItsOwnersAndBadInputIsRefusedBesideTheField() throws InterruptedException {
		PageSession member = PageSession.signIn(port, team.member());
		member.get("/projects/" + team.key() + "/simulation");
		HttpResponse<String> started = member.post("/projects/" + team.key() + "/simulation",
				Map.of("iterations", "300", "distribution", "PERT", "seed", "1"));
		Matcher job = JOB.matcher(started.headers().firstValue("Location").orElseThrow());
		assertThat(job.find()).isTrue();
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get("/projects/" + team.key() + "/simulation/jobs/" + job.group(1)).statusCode())
			.isEqualTo(404);
		PageSession outsider = PageSession.signIn(port, team.outsider());
		assertThat(outsider.get("/projects/" + team.key() + "/simulation").statusCode()).isEqualTo(404);
		assertThat(outsider.get("/projects/" + team.key() + "/simulation/jobs/" + job.group(1)).statusCode())
			.isEqualTo(404);

		HttpResponse<String> tooFew = member.post("/projects/" + team.key() + "/simulation",
				Map.of("iterations", "5", "distribution", "PERT", "seed", "1"));
		assertThat(tooFew.statusCode()).isEqualTo(422);
		assertThat(tooFew.body()).contains("id=\"iterations-error\"");
		HttpResponse<String> badMethod = member.post("/projects/" + team.key() + "/simulation",
				Map.of("iterations", "500", "distribution", "NORMAL", "seed", "1"));
		assertThat(badMethod.statusCode()).isEqualTo(422);
		assertThat(badMethod.body()).contains("id=\"distribution-error\"", "Choose PERT or TRIANGULAR.");
		assertThat(member.postWithoutToken("/projects/" + team.key() + "/simulation",
				Map.of("iterations", "500")).statusCode()).isEqualTo(403);
	}

	@Test
	void theReportListsMilestonesWithStatusAndIsPrintable() {
		HttpResponse<String> report = PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key() + "/report");

		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("Status report", "Project " + team.key(), "Ledgers live &amp; signed",
				"id=\"report-milestones\"", "/css/report.css", "href=\"/projects/" + team.key() + "/report.pdf\"",
				"Open approvals", "Plan health");
		assertThat(report.body()).doesNotContain("style=", "<style");
	}

	@Test
	void theReportDownloadsAsAPdfWithTheProjectMilestonesAndStatuses() throws Exception {
		HttpResponse<byte[]> pdf = PageSession.signIn(port, team.stakeholder()).bytes("/projects/" + team.key() + "/report.pdf");

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"" + team.key() + "-status-report-").endsWith(".pdf\"");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Project " + team.key(), "Ledgers live & signed").containsIgnoringCase("Status report");
			assertThat(text).containsPattern("Missed|At risk|On track|Approaching");
			assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f); // A4: 595 pt wide
			java.nio.file.Files.createDirectories(Chromium.SCREENSHOTS);
			java.nio.file.Files.write(Chromium.SCREENSHOTS.resolve("report.pdf"), pdf.body());
		}
	}

	@Test
	void outsidersGetNoReport() {
		PageSession outsider = PageSession.signIn(port, team.outsider());
		assertThat(outsider.get("/projects/" + team.key() + "/report").statusCode()).isEqualTo(404);
		assertThat(outsider.bytes("/projects/" + team.key() + "/report.pdf").statusCode()).isEqualTo(404);
	}

}
