package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (paths set explicitly: nothing is
 * downloaded), with what a patient does on the page: type, tick, press keys, click labels. Uses
 * the page's documented test hooks (intake-service README, "The page").
 */
final class Browser implements AutoCloseable {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Dimension PHONE = new Dimension(390, 844);

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Path SCREENSHOTS = StackHome.locate().target().resolve("screenshots");

	final ChromeDriver driver;

	private final WebDriverWait wait;

	/** Used by {@link BrowserTest}'s condition. */
	static boolean available() {
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
	}

	/** @param acceptLanguage what the browser says it prefers, e.g. "es-ES,es" */
	Browser(String acceptLanguage) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--lang=" + acceptLanguage.split(",")[0],
				"--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		// the page re-renders parts of itself, and a form post replaces it: look again rather than fail
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	void open(String url) {
		driver.get(url);
		// the first page load of a freshly started service compiles its code paths: on a loaded machine
		// that alone has taken more than 20 s, so the first render gets a longer (still bounded) wait
		new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	WebElement byId(String id) {
		return driver.findElement(By.id(id));
	}

	WebElement visible(String id) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	/** Waits (bounded) until the element's text contains {@code text}. */
	void waitForText(String id, String text) {
		wait.withMessage(() -> "#" + id + " to show '" + text + "', it shows '" + byId(id).getText() + "'")
			.until(d -> byId(id).getText().contains(text));
	}

	void waitUntil(String what, Function<ChromeDriver, Boolean> condition) {
		wait.withMessage(what).until(d -> condition.apply(driver));
	}

	/** The visible step ({@code data-step} of the shown {@code section.step}). */
	String step() {
		return driver.findElements(By.cssSelector("section.step"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(section -> section.getDomAttribute("data-step"))
			.findFirst()
			.orElse(null);
	}

	void awaitStep(String step) {
		waitUntil("step " + step, d -> step.equals(step()));
	}

	// ---- what a mouse or touch user does ----

	/** Clicks the label of a radio button or check box, as a patient taps the words next to it. */
	void tap(String inputId) {
		click(driver.findElement(By.cssSelector("label[for='" + inputId + "']")));
	}

	void type(String id, String text) {
		WebElement field = byId(id);
		click(field);
		field.sendKeys(text);
	}

	/**
	 * Brings the element to the middle of the screen first, as a patient scrolls to what they tap:
	 * the page scrolls smoothly and has a sticky help strip at the top, so a click at the edge of
	 * the viewport can land on the strip or on a moving target.
	 */
	void click(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	void chooseCountry(String code) {
		new Select(byId("country-select")).selectByValue(code);
	}

	void clickNext() {
		String before = step();
		click(byId("btn-next"));
		waitUntil("the step after " + before, d -> !before.equals(step()));
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
			press(Keys.TAB);
		}
		fail("Tab never reached #" + id);
	}

	void press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	// ---- what went wrong in the page ----

	/** What the page logged as warnings or errors since the last call: a CSP, CORS or script error shows here. */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !OUTCOME_NOT_KNOWN_YET.matcher(message).matches())
			.toList();
	}

	/**
	 * The page asks for the case's outcome right after the 202 and gets 404 until
	 * notification-service has read the case from Kafka (the API's documented answer for a case it
	 * does not know yet); Chromium logs that response as an error. It is neither a script, CSP nor
	 * CORS error, and whether the first poll comes before or after notification's write is a race
	 * the tests cannot control (a durable PostgreSQL commit takes long enough to lose it often).
	 */
	private static final Pattern OUTCOME_NOT_KNOWN_YET = Pattern.compile(
			"http://127\\.0\\.0\\.1:\\d+/api/cases/[A-Za-z0-9-]+/outcome - Failed to load resource: the server"
					+ " responded with a status of 404 \\(Not Found\\)");

	/** Sets the viewport itself (not the window with its frame) to {@code size}, as on that device. */
	void emulate(Dimension size) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height",
				size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
	}

	// ---- evidence ----

	/** The viewport at phone and desktop width, from the top of the page, into target/screenshots. */
	void screenshots(String name) {
		screenshots(name, null);
	}

	/**
	 * The viewport at phone and desktop width into target/screenshots, scrolled so that
	 * {@code focusId} ends at the bottom of the screen (whole, and clear of the sticky help strip at
	 * the top), or from the top of the page when it is null. The viewport is set through the
	 * DevTools protocol, because a window size would include the browser's frame.
	 */
	void screenshots(String name, String focusId) {
		Map<String, Dimension> sizes = new LinkedHashMap<>();
		sizes.put("phone", PHONE);
		sizes.put("desktop", DESKTOP);
		try {
			Files.createDirectories(SCREENSHOTS);
			for (Map.Entry<String, Dimension> size : sizes.entrySet()) {
				emulate(size.getValue());
				if (focusId == null) {
					driver.executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
				}
				else {
					driver.executeScript("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'})",
							byId(focusId));
				}
				Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"),
						driver.getScreenshotAs(OutputType.BYTES));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
