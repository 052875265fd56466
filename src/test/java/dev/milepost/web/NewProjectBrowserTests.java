package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium (see {@link BrowserTests}): a new project created from the portfolio
 * and its first baseline made on the Gantt, drawn as ghost bars. Leaves {@code new-project.png}
 * and {@code gantt-first-baseline.png} in {@code target/screenshots/}.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewProjectBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	Chromium chromium;

	ChromeDriver browser;

	@BeforeAll
	void startBrowser() throws IOException {
		chromium = Chromium.start(port);
		browser = chromium.driver();
	}

	@AfterAll
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aNewProjectFromThePortfolioAndItsFirstBaselineAsGhostBarsOnTheGantt() throws IOException {
		People.Person planner = people.person("Planner");
		String key = "B" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		key = key.length() > 10 ? key.substring(0, 10) : key;
		chromium.signInAs(planner);
		browser.findElement(By.id("new-project")).click();
		chromium.waitFor(By.id("key")).sendKeys(key);
		browser.findElement(By.id("name")).sendKeys("Warehouse move");
		browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("start")), "2026-03-02");
		browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("targetFinish")),
				"2026-09-30");
		chromium.screenshot("new-project");
		browser.findElement(By.id("create-project-button")).click();
		assertThat(chromium.waitFor(By.id("saved")).getText()).isEqualTo("Project " + key + " created.");

		Api api = Api.at(port).withToken(planner.token());
		String path = "/api/v1/projects/" + key;
		String task = Teams.check(api.post(path + "/tasks", Map.of("name", "Pack the racks", "durationDays", 10,
				"plannedStart", "2026-03-02")), 201).json().get("id").asString();
		String milestone = Teams.check(api.post(path + "/milestones", Map.of("name", "Racks moved", "targetDate",
				"2026-04-30", "owner", planner.username(), "criterion", Teams.ownerConfirmation())), 201).json()
			.get("id").asString();
		Teams.check(api.post(path + "/dependencies",
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);

		chromium.open("/projects/" + key + "/gantt");
		assertThat(browser.findElements(By.cssSelector("g.baseline rect.ghost"))).isEmpty();
		browser.findElement(By.id("baseline-name")).sendKeys("First plan");
		browser.findElement(By.cssSelector("#gantt-make-baseline button[type=submit]")).click();
		WebElement saved = chromium.waitFor(By.id("saved"));
		assertThat(saved.getText()).isEqualTo("Baseline “First plan” made.");
		assertThat(browser.findElements(By.cssSelector("g.baseline rect.ghost"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("g.baseline path.ghost-diamond"))).hasSize(1);
		chromium.screenshot("gantt-first-baseline");
	}

}
