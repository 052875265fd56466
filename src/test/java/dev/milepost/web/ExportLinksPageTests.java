package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The overview and the Gantt page offer the plan's four exports, and the links download them for
 * anyone signed in who reads the project, with the same refusals as the API's as pages.
 */
@MilepostTest
class ExportLinksPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
		Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Cut over the ledgers")), 201);
	}

	private String export(String format) {
		return "/projects/" + team.key() + "/export?format=" + format;
	}

	@Test
	void theOverviewAndTheGanttLinkToEveryExport() {
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		for (String page : new String[] { "/projects/" + team.key(), "/projects/" + team.key() + "/gantt" }) {
			String body = stakeholder.get(page).body();
			assertThat(body).as(page).contains("id=\"exports\"",
					"href=\"/projects/" + team.key() + "/export?format=mspdi\"",
					"href=\"/projects/" + team.key() + "/export?format=pmxml\"",
					"href=\"/projects/" + team.key() + "/export?format=xlsx\"",
					"href=\"/projects/" + team.key() + "/export?format=csv\"");
		}
	}

	@Test
	void aLinkDownloadsTheFileForAReaderOfTheProject() throws Exception {
		HttpResponse<byte[]> sheet = PageSession.signIn(port, team.stakeholder()).bytes(export("xlsx"));

		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"" + team.key() + ".xlsx\"");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("Cut over the ledgers");
		}
		HttpResponse<byte[]> xml = PageSession.signIn(port, team.member()).bytes(export("mspdi"));
		assertThat(xml.statusCode()).isEqualTo(200);
		assertThat(new String(xml.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Cut over the ledgers");
	}

	@Test
	void outsidersFindNothingAndAnUnknownFormatIsAnErrorPageNamingTheFormats() {
		PageSession outsider = PageSession.signIn(port, team.outsider());
		assertThat(outsider.get(export("csv")).statusCode()).isEqualTo(404);

		HttpResponse<String> refused = PageSession.signIn(port, team.stakeholder()).get(export("mpp"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(refused.body()).contains("There is no export format &#39;mpp&#39;: use one of mspdi, pmxml, xlsx, csv.");
	}

	@Test
	void withoutSigningInTheLinkLeadsToTheSignInPage() throws Exception {
		HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + export("csv"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
	}

}
