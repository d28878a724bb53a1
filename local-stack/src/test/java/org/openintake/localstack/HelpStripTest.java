package org.openintake.localstack;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Need help now?" on every step: the selected country's emergency number and talk-now lines,
 * live from notification-service's directory, and the emergency number still there when
 * notification-service is down.
 */
@BrowserTest
@ExtendWith(SharedStack.class)
class HelpStripTest {

	private static LocalStack stack;

	@BeforeAll
	static void connect(LocalStack shared) {
		stack = shared;
	}

	private static String page() {
		return stack.intake().url() + "/";
	}

	@Test
	void eachCountrysEmergencyNumberAndTalkNowLinesComeFromTheDirectory() {
		try (Browser browser = new Browser("en-GB,en")) {
			browser.open(page());

			browser.chooseCountry("ES");
			browser.waitForText("help-lines", "024");
			assertThat(telLinks(browser, "help-emergency-numbers")).containsExactly("tel:112");
			assertThat(telLinks(browser, "help-lines")).contains("tel:024");

			browser.chooseCountry("DE");
			browser.waitForText("help-lines", "TelefonSeelsorge");
			assertThat(browser.byId("help-lines").getText()).contains("116 123");
			assertThat(telLinks(browser, "help-emergency-numbers")).containsExactly("tel:112");
			assertThat(telLinks(browser, "help-lines")).contains("tel:116123");
			browser.screenshots("00-help-strip-de");

			browser.chooseCountry("US");
			browser.waitForText("help-lines", "988");
			assertThat(telLinks(browser, "help-emergency-numbers")).containsExactly("tel:911");
			assertThat(telLinks(browser, "help-lines")).contains("tel:988");
			assertThat(browser.byId("help-lines").getText()).as("no line of the country chosen before")
				.doesNotContain("TelefonSeelsorge")
				.doesNotContain("024");
			assertThat(browser.consoleErrors()).as("no script, CSP or CORS error").isEmpty();
		}
	}

	@Test
	void withNotificationServiceStoppedTheStripStillShowsTheEmergencyNumberAndTheFormIsStillTaken() {
		String offline = PageMessages.of(stack, "en").get("help.offline");
		try (Browser browser = new Browser("en-US,en")) {
			String caseId;
			stack.notification().stop();
			try {
				browser.open(page());
				for (List<String> country : List.of(List.of("ES", "tel:112"), List.of("DE", "tel:112"),
						List.of("US", "tel:911"))) {
					browser.chooseCountry(country.get(0));
					browser.waitForText("help-advice", offline);
					assertThat(telLinks(browser, "help-emergency-numbers")).as(country.get(0))
						.containsExactly(country.get(1));
					assertThat(browser.byId("help-lines").findElements(By.tagName("li"))).as("nothing stale").isEmpty();
				}
				browser.screenshots("00-help-strip-offline");

				// the patient is not turned away: intake takes the form, the receipt and 911 show
				TappedForm.fillToContact(browser, "Ada Offline", TappedForm.MODERATE_PHQ9, 0, "Low mood for months.");
				browser.click(browser.byId("btn-submit"));
				caseId = TappedForm.receiptCaseId(browser);
				assertThat(telLinks(browser, "help-emergency-numbers")).containsExactly("tel:911");
			}
			finally {
				// later tests share this stack and need notification-service back
				stack.notification().start();
				stack.notification().awaitReady(Duration.ofSeconds(180));
			}
			// ... and nothing was lost: once notification-service is back, staff get the case and the
			// page, still asking, learns it
			new Mailboxes(stack).awaitMessageAbout("cbt@clinic.local", caseId);
			new WebDriverWait(browser.driver, Mailboxes.EMAIL_TIMEOUT)
				.withMessage("the open receipt to learn NOTIFIED from the restarted notification-service")
				.until(d -> "NOTIFIED".equals(browser.byId("receipt").getDomAttribute("data-status")));
			// the strip of the page left open asks the directory again by itself (pauses up to 30 s)
			new WebDriverWait(browser.driver, Duration.ofSeconds(60))
				.withMessage("the open page's help strip to show the talk-now lines again")
				.until(d -> browser.byId("help-lines").getText().contains("988"));

			browser.open(page());
			browser.waitForText("help-lines", "988");
			assertThat(browser.byId("help-advice").getText()).doesNotContain(offline);
		}
	}

	private static List<String> telLinks(Browser browser, String id) {
		return browser.byId(id)
			.findElements(By.cssSelector("a[href^='tel:']"))
			.stream()
			.map((WebElement link) -> link.getDomAttribute("href"))
			.toList();
	}

}
