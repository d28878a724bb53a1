package org.openintake.intake.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (paths set explicitly: nothing is
 * downloaded), with the page's own helpers: keyboard moves, screenshots and axe-core.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Dimension PHONE = new Dimension(390, 1000);

	static final Dimension DESKTOP = new Dimension(1280, 1000);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final ChromeDriver driver;

	private final WebDriverWait wait;

	/** Used by {@link BrowserTest}'s condition. */
	static boolean available() {
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
	}

	/** @param acceptLanguage what the browser says it prefers, e.g. "de-DE,de" */
	Browser(String acceptLanguage) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--mute-audio", "--lang=" + acceptLanguage.split(",")[0],
				"--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	void open(String url) {
		driver.get(url);
		wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	WebElement byId(String id) {
		return driver.findElement(By.id(id));
	}

	WebElement visible(String id) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	void waitForText(String id, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
		wait.until(d -> condition.apply(driver));
	}

	void click(String id) {
		byId(id).click();
	}

	void type(String id, String text) {
		WebElement field = byId(id);
		field.clear();
		field.sendKeys(text);
	}

	String step() {
		return driver.findElements(By.cssSelector("section.step"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(section -> section.getDomAttribute("data-step"))
			.findFirst()
			.orElse(null);
	}

	// ---- keyboard only ----

	String focusedId() {
		return driver.switchTo().activeElement().getDomAttribute("id");
	}

	/** Presses Tab until {@code id} has the focus: proves it is reachable by keyboard. */
	void tabTo(String id) {
		for (int presses = 0; presses < 400; presses++) {
			if (id.equals(focusedId())) {
				return;
			}
			new Actions(driver).sendKeys(Keys.TAB).perform();
		}
		fail("Tab never reached #" + id);
	}

	void press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	/**
	 * What the page logged as errors since the last call, apart from requests to a server that is
	 * not there (notification-service is absent in these tests). A CSP violation or a script error
	 * shows up here.
	 */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("ERR_CONNECTION_REFUSED") && !message.contains("Failed to fetch")
					&& !message.contains("503 (Service Unavailable)") && !message.contains("422 (Unprocessable"))
			.toList();
	}

	// ---- evidence ----

	/** A screenshot of the viewport at phone and at desktop width, into target/screenshots. */
	void screenshots(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		// from the top: the header, the help strip and the start of the step, as a patient first sees it
		driver.executeScript("window.scrollTo(0, 0)");
		for (Map.Entry<String, Dimension> size : Map.of("phone", PHONE, "desktop", DESKTOP).entrySet()) {
			driver.manage().window().setSize(size.getValue());
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		driver.manage().window().setSize(DESKTOP);
	}

	/** axe-core (WCAG 2.1 A/AA rules) on the page as it is now: no serious or critical violation. */
	void assertAccessible(String where) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(driver);
		assertThat(results.isErrored()).as("axe-core ran on " + where + ": " + results.getErrorMessage()).isFalse();
		List<String> severe = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
		assertThat(severe).as("serious or critical accessibility violations on " + where).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
	}

	@Override
	public void close() {
		driver.quit();
	}

}
