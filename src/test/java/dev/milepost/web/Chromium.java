package dev.milepost.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import dev.milepost.People;
import dev.milepost.Prerequisite;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from Debian's packages, driven through Debian's ChromeDriver (nothing is
 * downloaded), with its own profile, and the steps the browser tests share. Where the browser is
 * not installed the tests are skipped with a message, but never in CI, which installs it.
 */
final class Chromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final int port;

	private Chromium(ChromeDriver driver, Path profile, int port) {
		this.driver = driver;
		this.profile = profile;
		this.port = port;
	}

	/** A browser for the application on the port, or the test skipped (failed in CI) without one. */
	static Chromium start(int port) throws IOException {
		Prerequisite.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser tests need "
				+ CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does).");
		Path profile = Files.createTempDirectory("milepost-chromium-");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
		return new Chromium(driver, profile, port);
	}

	ChromeDriver driver() {
		return driver;
	}

	/** Signs in through the sign-in page, dropping whoever was signed in before. */
	void signInAs(People.Person person) {
		driver.manage().deleteAllCookies();
		open("/signin");
		driver.findElement(By.id("username")).sendKeys(person.username());
		driver.findElement(By.id("password")).sendKeys(People.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.titleContains("Portfolio"));
	}

	void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	WebElement waitFor(By what) {
		return new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(what));
	}

	/** Writes what the browser shows to {@code target/screenshots/<name>.png}. */
	void screenshot(String name) throws IOException {
		Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
