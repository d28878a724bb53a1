package org.openintake.casework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead opens the reports in Chromium, sees every chart drawn (a canvas in each container, no
 * console error: the CSP let the webjar and the script run and nothing inline was needed), and
 * downloads the CSV. Saves the screenshot the README shows.
 */
@EnabledIf(value = "org.openintake.casework.ChromiumBrowser#available",
		disabledReason = "needs Debian's chromium and chromedriver in /usr/bin")
class ReportsBrowserTest extends CaseworkTest {

	private static final Path SCREENSHOT = Path.of("..", "docs", "screenshots", "staff-reports-desktop.png");

	private final ReportCases cases = new ReportCases();

	@AfterEach
	void removeCases() {
		this.cases.removeAll();
	}

	@Test
	void aLeadSeesTheChartsAndDownloadsTheCsv() throws IOException {
		LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		LocalDate from = to.minusWeeks(12).plusDays(1);
		seedTwelveWeeks(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		Path downloads = Files.createTempDirectory("casework-downloads");

		try (ChromiumBrowser browser = new ChromiumBrowser(downloads)) {
			String url = "http://127.0.0.1:" + PORT + "/staff/reports?from=" + from + "&to=" + to;
			browser.signIn(url, "lead");
			browser.wait.until(d -> !d.findElements(By.cssSelector("table#t-referrals")).isEmpty());

			List<WebElement> charts = browser.driver.findElements(By.cssSelector(".chart"));
			assertThat(charts).hasSize(9);
			browser.wait.until(d -> d.findElements(By.cssSelector(".chart[data-rendered=true] canvas")).size() == 9);
			for (WebElement chart : charts) {
				WebElement canvas = chart.findElement(By.tagName("canvas"));
				assertThat(canvas.getSize().getWidth()).as(chart.getAttribute("id")).isGreaterThan(200);
				assertThat(canvas.getSize().getHeight()).as(chart.getAttribute("id")).isGreaterThan(100);
			}
			assertThat(browser.consoleErrors()).isEmpty();

			// tall enough for the summary and the first three charts with their tables
			browser.driver.manage().window().setSize(new Dimension(1280, 2300));
			browser.wait.until(d -> d.findElements(By.cssSelector(".chart[data-rendered=true] canvas")).size() == 9);
			Files.createDirectories(SCREENSHOT.getParent());
			Files.write(SCREENSHOT, browser.driver.getScreenshotAs(OutputType.BYTES));

			browser.driver.findElement(By.cssSelector("a.download")).click();
			Path csv = downloads.resolve("openintake-report-" + from + "_" + to + ".csv");
			browser.wait.withTimeout(Duration.ofSeconds(20)).until(d -> Files.exists(csv) && !partial(downloads));
			List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
			assertThat(lines.get(0)).startsWith("week_start,iso_week,track,referrals,");
			assertThat(lines).hasSizeGreaterThan(12);
			assertThat(String.join("\n", lines)).doesNotContain(ReportCases.PATIENT_NAME);
		}
	}

	/** Some cases in every one of the last twelve weeks, on three tracks, with waits of days to weeks. */
	private void seedTwelveWeeks(Instant now) {
		String[] tracks = { "CBT", "TMS", "PSYCHIATRY" };
		String[] locales = { "en", "en", "es", "de", "fr" };
		String[] countries = { "GB", "GB", "IE", "ES", "DE" };
		int n = 0;
		for (int day = 2; day < 84; day += 2) {
			for (int k = 0; k < 3; k++) {
				n++;
				String id = "b" + n;
				Instant submitted = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(k * 5L));
				int contactDays = 3 + (n * 7) % 50;
				boolean contacted = contactDays < day;
				boolean booked = contacted && contactDays + 20 < day && n % 3 != 0;
				String status = n % 17 == 0 ? "DECLINED" : n % 19 == 0 ? "REFERRED_ELSEWHERE"
						: booked ? "BOOKED" : contacted ? "CONTACTED" : "NEW";
				this.cases.add(id, tracks[(n + k) % 3], submitted, status, locales[n % 5], countries[n % 5]);
				if (contacted && !status.equals("DECLINED")) {
					this.cases.step(id, Duration.ofDays(contactDays), "STATUS_CONTACTED");
				}
				if (booked && status.equals("BOOKED")) {
					this.cases.step(id, Duration.ofDays(contactDays + 20), "STATUS_BOOKED");
				}
				if (n % 6 == 0) {
					this.cases.crisis(id, n % 12 == 0 ? null : Duration.ofMinutes(2 + n % 25), n % 4 == 0 ? 1 : 0);
				}
			}
		}
	}

	private static boolean partial(Path downloads) {
		try (Stream<Path> files = Files.list(downloads)) {
			return files.anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"));
		}
		catch (IOException ex) {
			return true;
		}
	}

}
