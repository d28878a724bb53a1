package org.openintake.casework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Debian's chromedriver (paths set explicitly: Selenium Manager
 * downloads nothing), with downloads going to a directory the test names, and the console kept so
 * that a test can see a CSP violation or a script error.
 */
final class ChromiumBrowser implements AutoCloseable {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	final ChromeDriver driver;

	final WebDriverWait wait;

	/** For {@code @EnabledIf}: the tests need Debian's chromium and chromedriver. */
	static boolean available() {
		return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
	}

	ChromiumBrowser(Path downloads) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--lang=en-GB", "--window-size=1280,900");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "en-GB,en"));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
	}

	/** Opens a casework page and signs in at the identity provider's own login form, as a person does. */
	void signIn(String url, String username) {
		this.driver.get(url);
		this.wait.until(d -> !d.findElements(By.id("username")).isEmpty());
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(TestIdentityProvider.password(username));
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		String casework = url.substring(0, url.indexOf('/', "http://".length()));
		this.wait.until(d -> d.getCurrentUrl().startsWith(casework));
	}

	/** The console's errors so far (a blocked inline style or script is one). */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
