package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approvals inbox, the notifications inbox, settings, the audit record and the people page in a
 * real headless Chromium, one browser for the class (as {@link BrowserTests}); screenshots go to
 * {@code target/screenshots/}.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxAndSettingsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	Chromium chromium;

	ChromeDriver browser;

	Teams.Team team;

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

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
	}

	@Test
	void anApproverApprovesFromTheApprovalsInboxWithoutLeavingThePage() throws IOException {
		Api manager = team.as(team.manager());
		String due = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
		String id = check(manager.post(team.path("/approvals"), Map.of("title", "Release 2.4 to production",
				"description", "Regression suite green; change board agreed.", "approvers",
				List.of(Map.of("username", team.approver().username())), "dueDate", due)), 201).json().get("id")
			.asString();
		check(manager.post(team.path("/approvals"), Map.of("title", "Extra budget for load tests", "approvers",
				List.of(Map.of("role", "APPROVER")), "dueDate", due)), 201);

		chromium.signInAs(team.approver());
		chromium.open("/approvals");
		chromium.waitFor(By.id("approval-" + id));
		chromium.screenshot("approvals-inbox");
		browser.executeScript("window.notReloaded = true;");
		browser.findElement(By.id("comment-" + id)).sendKeys("Go ahead");
		browser.findElement(By.cssSelector("#approval-" + id + " button[value=APPROVE]")).click();
		WebElement outcome = chromium.waitFor(By.cssSelector("#approval-" + id + ".outcome"));
		assertThat(outcome.getText()).contains("Approved.", "Release 2.4 to production");
		assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(browser.findElement(By.id("decidable-count")).getText()).isEqualTo("1 request waits for your decision");
		assertThat(manager.get(team.path("/approvals/" + id)).json().get("status").asString()).isEqualTo("APPROVED");

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			chromium.open("/approvals");
			chromium.waitFor(By.id("main"));
			chromium.screenshot("approvals-inbox-390");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void aPersonMarksAnInboxItemReadAndTheBarsCountFollows() throws IOException {
		notify(team.member(), "Cut-over rehearsal is at risk", "The forecast is 4 working days after the target.",
				Instant.now().minusSeconds(600), false);
		notify(team.member(), "Approval requested: vendor contract", "You are asked to decide by Friday.",
				Instant.now(), false);
		notify(team.member(), "Design approved", "Achieved on time.", Instant.now().minusSeconds(7200), true);
		chromium.signInAs(team.member());
		chromium.open("/inbox");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBe(By.cssSelector("#unread-count .count"), "2"));
		chromium.screenshot("inbox");
		WebElement first = browser.findElement(By.cssSelector("#inbox-list li.unread-item"));
		String id = first.getAttribute("id");
		first.findElement(By.cssSelector("button.mark-read")).click();
		// htmx swaps the item for its read form
		new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !driver.findElement(By.id(id)).getAttribute("class").contains("unread-item"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBe(By.cssSelector("#unread-count .count"), "1"));
		assertThat(team.as(team.member()).get("/api/v1/me/notifications/unread-count").json().get("unread").asLong())
			.isEqualTo(1);
	}

	@Test
	void aPersonCreatesAnApiTokenAndSeesItOnlyOnce() throws IOException {
		chromium.signInAs(team.member());
		chromium.open("/settings");
		browser.findElement(By.id("token-name")).sendKeys("Reporting script");
		browser.findElement(By.id("create-token")).click();
		WebElement secret = chromium.waitFor(By.id("token-secret"));
		String token = secret.getAttribute("value");
		assertThat(token).startsWith("mp_");
		chromium.screenshot("settings");
		assertThat(Api.at(port).withToken(token).get("/api/v1/me").status()).isEqualTo(200);
		chromium.open("/settings");
		chromium.waitFor(By.id("token-list"));
		assertThat(browser.findElements(By.id("token-secret"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(token);
	}

	@Test
	void screenshotsOfTheAuditRecordAndThePeoplePage() throws IOException {
		String task = check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Migrate ledgers")), 201)
			.json().get("id").asString();
		check(team.as(team.manager()).patch(team.path("/tasks/" + task), Map.of("durationDays", 8, "name",
				"Migrate ledgers and balances"), team.as(team.manager()).get(team.path("/tasks/" + task)).etag()), 200);
		chromium.signInAs(team.admin());
		chromium.open("/audit?scope=" + team.key());
		chromium.waitFor(By.id("audit-list"));
		browser.findElement(By.cssSelector("#audit-list details summary")).click();
		browser.findElement(By.id("verify-chain")).click();
		WebElement result = chromium.waitFor(By.id("verification-result"));
		assertThat(result.getText()).startsWith("Intact");
		chromium.screenshot("audit");
		chromium.open("/admin/people?q=" + team.key().substring(0, 1).toLowerCase());
		chromium.waitFor(By.id("people-list"));
		chromium.screenshot("people");
	}

	// ---- helpers ----------------------------------------------------------------------------------

	private void notify(People.Person to, String title, String text, Instant at, boolean read) {
		jdbc.sql("""
				insert into notification (id, user_id, delivery_id, event_id, kind, project_key, subject_type,
				                          subject_id, title, body, created_at, read_at)
				values (:id, :user, :delivery, :event, 'MILESTONE_AT_RISK', :key, 'milestone', :subject, :title, :body,
				        :at, :read)""")
			.param("id", UUID.randomUUID())
			.param("user", to.id())
			.param("delivery", UUID.randomUUID())
			.param("event", UUID.randomUUID())
			.param("key", team.key())
			.param("subject", UUID.randomUUID().toString())
			.param("title", title)
			.param("body", text)
			.param("at", Timestamp.from(at))
			.param("read", read ? Timestamp.from(at) : null)
			.update();
	}





}
