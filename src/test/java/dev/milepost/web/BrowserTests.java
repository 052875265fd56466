package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver; nothing is
 * downloaded). One browser for the class; each test signs in as whom it needs. Skipped with a
 * message where the browser is not installed, but never in CI, which installs it.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

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

	// ---- the stories ----------------------------------------------------------------------------

	@Test
	void aManagerSignsInAndCreatesATaskAndAMilestoneThroughTheForms() {
		chromium.signInAs(team.manager());
		assertThat(browser.getTitle()).startsWith("Portfolio");
		chromium.open("/projects/" + team.key() + "/tasks");
		browser.findElement(By.id("new-task")).click();
		type("name", "Load opening balances");
		type("durationDays", "4");
		date("plannedStart", "2026-03-02");
		new Select(browser.findElement(By.id("assignees"))).selectByValue(team.member().username());
		submit();
		chromium.waitFor(By.id("task-list"));
		assertThat(browser.findElement(By.id("task-list")).getText()).contains("Load opening balances");

		chromium.open("/projects/" + team.key() + "/milestones/new");
		type("name", "Opening balances loaded");
		date("targetDate", "2026-04-30");
		new Select(browser.findElement(By.id("owner"))).selectByValue(team.manager().username());
		type("criterionText", "The owner confirms the balances reconcile");
		submit();
		chromium.waitFor(By.id("milestone-list"));
		assertThat(browser.findElement(By.id("milestone-list")).getText()).contains("Opening balances loaded");
	}

	@Test
	void aRefusedFieldIsShownWithTheReasonBesideItAndTheMilestoneFormAsksForNoDuration() {
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key() + "/milestones/new");
		assertThat(browser.findElements(By.id("durationDays"))).as("a milestone has no duration to ask for").isEmpty();

		chromium.open("/projects/" + team.key() + "/tasks/new");
		type("name", "Data migrated");
		type("durationDays", "0");
		submit();
		WebElement error = chromium.waitFor(By.id("durationDays-error"));
		assertThat(error.getText()).contains("a zero-duration checkpoint is a milestone");
		assertThat(browser.findElement(By.id("durationDays")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Data migrated");
	}

	@Test
	void aTaskNamedLikeMarkupShowsAsTextAndRunsNothing() {
		String name = "<img src=x onerror=alert(1)>";
		Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task(name)), 201);
		chromium.signInAs(team.manager());
		for (String page : new String[] { "/tasks", "/gantt", "" }) {
			chromium.open("/projects/" + team.key() + page);
			assertNoAlert();
			assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as(page).isEmpty();
		}
		chromium.open("/projects/" + team.key() + "/tasks");
		assertThat(browser.findElement(By.cssSelector("#task-list .task-name")).getText()).isEqualTo(name);
		assertNoAlert();
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() {
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key() + "/tasks/new");
		type("name", "Forged");
		// a forged cross-site form has no token: remove it, as if the form came from elsewhere
		browser.executeScript("document.querySelector('main form input[name=_csrf]').remove();");
		submit();
		chromium.waitFor(By.tagName("h1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt()).isZero();
	}

	@Test
	void aStakeholderSeesNoEditControlsAndAForgedWriteIsRefused() {
		Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Reconcile")), 201);
		chromium.signInAs(team.stakeholder());
		chromium.open("/projects/" + team.key() + "/tasks");
		assertThat(browser.findElements(By.id("new-task"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("a.edit"))).isEmpty();
		chromium.open("/projects/" + team.key() + "/milestones");
		assertThat(browser.findElements(By.id("new-milestone"))).isEmpty();
		// forge the manager's form in the stakeholder's page, with the page's own valid token
		browser.executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				for (const [name, value] of [['name', 'Forged'], ['durationDays', '3'],
						['_csrf', document.querySelector('input[name=_csrf]').value]]) {
					const input = document.createElement('input');
					input.name = name; input.value = value; form.appendChild(input);
				}
				document.body.appendChild(form);
				form.submit();""", "/projects/" + team.key() + "/tasks");
		chromium.waitFor(By.tagName("h1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void anAchievementElsewhereShowsOnTheOpenOverviewWithoutAReload() {
		String milestone = Teams.check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone("Ledgers live", team.manager(), Teams.ownerConfirmation())), 201).json().get("id")
			.asString();
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key());
		By status = By.cssSelector("#m-" + milestone + " .status");
		assertThat(browser.findElement(status).getText()).isNotEqualTo("Achieved");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.attributeToBe(By.id("main"), "data-live", "open"));
		browser.executeScript("window.notReloaded = true;");

		// the page is pushed the change (no polling) and waits only to let a burst of changes settle
		assertThat(browser.findElement(By.id("live")).getAttribute("hx-trigger")).isEqualTo("sse:changed delay:150ms");

		// someone else, in another session: the owner confirms through the API
		Teams.check(team.as(team.manager()).post(team.path("/milestones/" + milestone + "/achievement"),
				Map.of("evidence", "Ledgers reconciled in production")), 200);
		new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50))
			.until(ExpectedConditions.textToBe(status, "Achieved"));

		assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
	}

	@Test
	void theApproverApprovesInASecondBrowserAndTheManagersOpenOverviewShowsTheMilestoneAchieved() throws IOException {
		String milestone = Teams.check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone("Go-live approved", team.manager(), Map.of("kind", "APPROVAL_BY_PERSON", "text",
						"The approver approves go-live", "approver", team.approver().username()))), 201)
			.json().get("id").asString();
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key() + "/milestones/" + milestone);
		chromium.waitFor(By.id("ask-due"));
		date("ask-due", java.time.LocalDate.now().plusDays(5).toString());
		browser.findElement(By.xpath("//button[normalize-space()='Ask for the approval']")).click();
		assertThat(chromium.waitFor(By.cssSelector("#page-outcome .outcome")).getText())
			.contains("Approval requested");
		String request = team.as(team.manager()).get(team.path("/approvals?subject=" + milestone)).json()
			.get("items").get(0).get("id").asString();

		chromium.open("/projects/" + team.key());
		By status = By.cssSelector("#m-" + milestone + " .status");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.attributeToBe(By.id("main"), "data-live", "open"));
		assertThat(browser.findElement(status).getText()).isNotEqualTo("Achieved");
		browser.executeScript("window.notReloaded = true;");

		try (Chromium second = Chromium.start(port)) {
			second.signInAs(team.approver());
			second.open("/approvals");
			second.waitFor(By.id("comment-" + request)).sendKeys("Cut-over rehearsal passed");
			second.driver().findElement(By.cssSelector("#approval-" + request + " button[value=APPROVE]")).click();
			assertThat(second.waitFor(By.cssSelector("#approval-" + request + ".outcome")).getText())
				.contains("Approved.");
		}

		new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50))
			.until(ExpectedConditions.textToBe(status, "Achieved"));
		assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		chromium.open("/projects/" + team.key() + "/milestones/" + milestone);
		assertThat(chromium.waitFor(By.id("approvals-title")).isDisplayed()).isTrue();
		assertThat(browser.getPageSource()).contains("Achieved by", team.approver().username(), "approved");
		chromium.screenshot("milestone-achieved-by-approval");
	}

	@Test
	void aManagerEditsABlueprintSeesItsProblemsAsTheyTypeAndDryRunsIt() throws IOException {
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key() + "/blueprints");
		chromium.waitFor(By.id("blueprint-list")).findElement(By.cssSelector("tbody a")).click();
		WebElement text = chromium.waitFor(By.id("yaml"));
		assertThat(chromium.waitFor(By.id("explanation")).getText()).containsIgnoringCase("sponsor");
		text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		text.sendKeys("blueprint: Escalations\nrules:\n  - name: Tell the sponsor\n    when:\n      trigger: milestone.exploded\n");
		WebElement problems = chromium.waitFor(By.id("problems"));
		assertThat(problems.getText()).contains("Line 5, column").contains("milestone.exploded");
		chromium.screenshot("blueprint-editor-problem");

		text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		text.sendKeys("blueprint: Escalations\nrules:\n  - name: Tell the sponsor\n    when:\n      trigger: milestone.missed\n"
				+ "    then:\n      - action: escalate\n        message: missed\n");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBe(By.id("check-state"), "Valid."));
		browser.findElement(By.id("dry-run")).click();
		assertThat(chromium.waitFor(By.id("dry-run-result")).getText()).contains("Tell the sponsor", "milestone.missed");
		assertNoAlert();
		chromium.screenshot("blueprint-editor");
	}

	@Test
	void screenshotsOfThePortfolioOverviewGanttAndMilestonePage() throws IOException {
		Api manager = team.as(team.manager());
		String design = Teams.check(manager.post(team.path("/tasks"), Teams.task("Design interfaces")), 201).json()
			.get("id").asString();
		String build = Teams.check(manager.post(team.path("/tasks"), Map.of("name", "Build interfaces",
				"durationDays", 15, "plannedStart", "2026-03-09")), 201).json().get("id").asString();
		String milestone = Teams.check(manager.post(team.path("/milestones"),
				Teams.milestone("Interfaces accepted", team.manager(), Teams.ownerConfirmation())), 201).json()
			.get("id").asString();
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", design, "successor", build, "type", "FS", "lagDays", 0)), 201);
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", build, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
		Teams.check(manager.post(team.path("/baselines"), Map.of("name", "Approved plan")), 201);
		Teams.check(manager.post(team.path("/goals"), Map.of("outcome", "Invoices flow without rekeying",
				"measure", "share of invoices rekeyed")), 201);

		chromium.signInAs(team.manager());
		shoot("portfolio", "/");
		shoot("overview", "/projects/" + team.key());
		shoot("gantt", "/projects/" + team.key() + "/gantt?zoom=week");
		shoot("milestone", "/projects/" + team.key() + "/milestones/" + milestone);
		browser.findElement(By.cssSelector(".what-if button[type=submit]")).click();
		WebElement result = chromium.waitFor(By.cssSelector("#what-if-result table, #what-if-result p"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'end'});", result);
		chromium.screenshot("milestone-what-if");
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			shoot("overview-390", "/projects/" + team.key());
			shoot("tasks-390", "/projects/" + team.key() + "/tasks");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
		assertThat(Chromium.SCREENSHOTS.resolve("overview.png")).exists();
	}

	@Autowired
	dev.milepost.job.Jobs jobs;

	@Autowired
	dev.milepost.schedule.Forecasts forecasts;

	@Autowired
	dev.milepost.identity.Users users;

	@Autowired
	dev.milepost.plan.PlanQueries plans;

	private void simulationPlan() {
		Api manager = team.as(team.manager());
		String previous = null;
		for (int i = 1; i <= 4; i++) {
			String task = Teams.check(manager.post(team.path("/tasks"), Map.of("name", "Wave " + i + " <b>migration</b>",
					"durationDays", 5 + i, "plannedStart", "2026-12-07", "estimate",
					Map.of("optimistic", 3 + i, "mostLikely", 5 + i, "pessimistic", 12 + i))), 201).json().get("id").asString();
			if (previous != null) {
				Teams.check(manager.post(team.path("/dependencies"),
						Map.of("predecessor", previous, "successor", task, "type", "FS", "lagDays", 0)), 201);
			}
			previous = task;
		}
		String milestone = Teams.check(manager.post(team.path("/milestones"), Map.of("name", "Cut-over done",
				"targetDate", "2027-02-26", "owner", team.manager().username(), "criterion", Teams.ownerConfirmation())),
				201).json().get("id").asString();
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", previous, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
	}

	@Test
	void aStakeholderRunsASimulationAndSeesHistogramAndSCurve() throws IOException {
		simulationPlan();
		chromium.signInAs(team.stakeholder());
		chromium.open("/projects/" + team.key() + "/simulation");
		assertThat(browser.findElement(By.cssSelector(".project-nav a[aria-current=page]")).getText())
			.isEqualTo("Simulation");
		type("iterations", "5000");
		new Select(browser.findElement(By.id("distribution"))).selectByValue("TRIANGULAR");
		type("seed", "11");
		browser.findElement(By.id("run-simulation")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job[data-status=SUCCEEDED]")));
		assertThat(browser.findElements(By.cssSelector("svg.histogram rect.bin"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("svg.s-curve path.curve"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector("#job .chance")).getText()).endsWith("%");
		assertThat(browser.findElement(By.id("criticality")).getText()).contains("Wave 1 <b>migration</b>");
		assertThat(browser.findElements(By.tagName("b"))).isEmpty();
		assertNoAlert();
		assertThat(browser.findElement(By.id("seed")).getAttribute("value")).isEqualTo("11");
		browser.executeScript("arguments[0].scrollIntoView({block: 'start'});",
				browser.findElement(By.id("simulation-summary")));
		chromium.screenshot("simulation");
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			chromium.open(browser.getCurrentUrl().replace("http://localhost:" + port, ""));
			browser.executeScript("arguments[0].scrollIntoView({block: 'start'});",
					chromium.waitFor(By.cssSelector("svg.histogram")));
			Long overflow = (Long) browser.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
			chromium.screenshot("simulation-390");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void aRunningSimulationShowsItsProgressBarUntilTheChartsReplaceIt() throws Exception {
		simulationPlan();
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		var person = users.findByUsername(team.manager().username()).orElseThrow();
		var context = new dev.milepost.plan.ProjectContext(plans.projectId(team.key()).orElseThrow(), team.key(),
				new dev.milepost.identity.CurrentUser(person.id(), person.username(), person.displayName(), false),
				dev.milepost.plan.ProjectRole.MANAGER);
		java.util.UUID job = jobs.start(SimulationPage.JOB_KIND, team.key(), person.id(), progress -> {
			progress.completed(400, 1000);
			try {
				release.await(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return forecasts.simulate(context, new dev.milepost.schedule.Forecasts.SimulationRequest(1000, 3, "PERT"),
					progress::completed);
		});
		chromium.signInAs(team.manager());
		chromium.open("/projects/" + team.key() + "/simulation?job=" + job);
		// the region is re-fetched and swapped every 400 ms, so read it by script rather than hold an element
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "PROGRESS 40".equals(browser.executeScript(
				"var p = document.getElementById('job-progress'); return p ? p.tagName + ' ' + p.value : null;")));
		chromium.screenshot("simulation-progress");
		release.countDown();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job[data-status=SUCCEEDED] svg.s-curve")));
		assertThat(browser.findElements(By.id("job-progress"))).isEmpty();
	}

	@Test
	void theReportPrintsWithoutNavigationAndLinksItsPdf() throws IOException {
		simulationPlan();
		chromium.signInAs(team.stakeholder());
		chromium.open("/projects/" + team.key() + "/report");
		chromium.waitFor(By.id("report-milestones"));
		assertThat(browser.findElement(By.id("report-milestones")).getText()).contains("Cut-over done");
		assertThat(browser.findElement(By.id("download-pdf")).getAttribute("href")).endsWith("/report.pdf");
		assertNoAlert();
		chromium.screenshot("report");
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.cssSelector("header.bar")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("download-pdf")).isDisplayed()).isFalse();
			chromium.screenshot("report-print");
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	@Test
	void aMemberMakesCopiesAndRevokesTheirCalendarFeedOnTheOverview() {
		chromium.signInAs(team.member());
		chromium.open("/projects/" + team.key());
		browser.findElement(By.id("create-feed")).click();
		WebElement url = chromium.waitFor(By.id("feed-url"));
		String address = url.getAttribute("value");
		assertThat(address).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(Api.at(port).anonymous().get(address.substring(address.indexOf("/calendar/"))).status())
			.isEqualTo(200);
		browser.findElement(By.cssSelector("[data-copy=feed-url]")).click();
		chromium.open("/projects/" + team.key());
		assertThat(browser.findElements(By.id("feed-url"))).as("the address is shown once").isEmpty();
		assertThat(browser.findElement(By.id("feed-state")).getText()).contains("active since");
		browser.findElement(By.id("revoke-feed")).click();
		chromium.waitFor(By.id("feed-state"));
		assertThat(browser.findElement(By.id("feed-state")).getText()).contains("no calendar feed");
		assertThat(Api.at(port).anonymous().get(address.substring(address.indexOf("/calendar/"))).status())
			.isEqualTo(404);
	}

	// ---- helpers ----------------------------------------------------------------------------------



	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Date inputs type in the browser's locale; setting the value is the same whatever it is. */
	private void date(String id, String iso) {
		browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), iso);
	}

	private void submit() {
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
	}


	private void assertNoAlert() {
		try {
			String text = browser.switchTo().alert().getText();
			fail("an alert ran: " + text);
		}
		catch (NoAlertPresentException expected) {
			// nothing ran
		}
	}

	private void shoot(String name, String path) throws IOException {
		chromium.open(path);
		chromium.waitFor(By.id("main"));
		chromium.screenshot(name);
	}


}
