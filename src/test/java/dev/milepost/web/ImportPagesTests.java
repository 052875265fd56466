package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.schedule.realdata.RealData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import pages: from the portfolio's link, a GanttProject file is uploaded, its preview shows
 * the counts, the loss report and the schedule check, and the confirm lands on the new project's
 * Gantt chart with the file's tasks; a bad file shows the reason and creates nothing; another
 * person cannot see the import.
 */
@MilepostTest
class ImportPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void uploadPreviewConfirmAndLandOnTheGantt() throws IOException {
		People.Person manager = people.person("PageImporter");
		PageSession session = PageSession.signIn(port, manager);
		assertThat(session.get("/").body()).contains("href=\"/projects/import\"");
		assertThat(session.get("/projects/import").body()).contains("enctype=\"multipart/form-data\"");
		byte[] house = Files.readAllBytes(RealData.file("gan", "ganttproject_HouseBuildingSample.gan"));

		HttpResponse<String> uploaded = session.postFile("/projects/import", "file", "house.gan", house);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String previewPath = uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(previewPath).startsWith("/projects/import/");

		String preview = session.get(previewPath).body();
		assertThat(preview).contains("id=\"created-milestones\">4<", "id=\"created-links\">FS 14<",
				"data-loss=\"Summary tasks\"", "data-loss=\"Links to or from summary tasks\"",
				"data-loss=\"Rubber links (GanttProject)\"", "id=\"schedule-check\"", "2024-10-14");

		People.Person other = people.person("Nosy");
		assertThat(PageSession.signIn(port, other).get(previewPath).statusCode()).isEqualTo(404);

		String key = "PG" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
		HttpResponse<String> confirmed = session.post(previewPath + "/confirm",
				java.util.Map.of("key", key, "name", "House"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
		String gantt = confirmed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(gantt).isEqualTo("/projects/" + key + "/gantt");
		String chart = session.get(gantt).body();
		assertThat(chart).contains("Create draft of architecture", "Foundation building", "Construction completed");
		assertThat(chart).doesNotContain(">Construction phase<");
	}

	@Test
	void aBadFileShowsTheReasonAndCreatesNothing() {
		PageSession session = PageSession.signIn(port, people.person("PageImporter"));
		session.get("/projects/import");
		long projects = count("project");
		long imports = count("plan_import");
		HttpResponse<String> refused = session.postFile("/projects/import", "file", "plan.mpp",
				"%PDF-1.7".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(refused.body()).contains("Nothing was imported.", "looks like a PDF document");
		assertThat(count("project")).isEqualTo(projects);
		assertThat(count("plan_import")).isEqualTo(imports);
	}

}
