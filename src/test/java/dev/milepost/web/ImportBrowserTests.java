package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.schedule.realdata.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Importing a plan in a real headless Chromium (as {@link BrowserTests}): from the portfolio's link,
 * the P6 sample is chosen in the file field, its preview shows the loss report and the schedule
 * check, and creating the project lands on its Gantt chart with the file's activities.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserTests {

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
	void uploadReadTheLossReportConfirmAndSeeTheGantt() throws IOException {
		Path file = RealData.file("xer", "Constology_XERNative_sample_TAKT.xer").toAbsolutePath().normalize();
		chromium.signInAs(people.person("Planner"));
		chromium.open("/");
		chromium.waitFor(By.id("import-link")).click();
		chromium.waitFor(By.id("file")).sendKeys(file.toString());
		browser.findElement(By.id("upload-button")).click();

		WebElement losses = chromium.waitFor(By.id("losses"));
		assertThat(losses.getText()).contains("Summary tasks", "Baseline dates", "Working hours (times of day)");
		assertThat(browser.findElement(By.id("created-tasks")).getText()).isEqualTo("25");
		assertThat(browser.findElement(By.id("schedule-check")).getText()).contains("2022-02-21", "the same",
				"0 of 25 total floats differ");
		chromium.screenshot("import-preview");

		String key = "BR" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
		WebElement keyField = browser.findElement(By.id("key"));
		keyField.clear();
		keyField.sendKeys(key);
		browser.findElement(By.id("confirm-button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.urlContains("/projects/" + key + "/gantt"));
		String page = chromium.waitFor(By.id("main")).getText();
		assertThat(page).contains("Studs", "Gyp", "Paint");
		chromium.screenshot("import-gantt");
	}

}
