package org.openintake.intake.page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openintake.intake.KafkaDownServiceTest;
import org.openqa.selenium.Keys;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** When the service answers 503 the patient is asked to retry and keeps every answer in the page. */
@BrowserTest
@KafkaDownServiceTest
class PageKafkaDownTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		browser = new Browser("en-GB,en");
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void a503AsksThePatientToRetryAndKeepsTheAnswers() {
		browser.open("http://127.0.0.1:" + port + "/");
		IntakePageTest.fillToContact(browser, "Ada Retry");
		browser.type("patient-email", "ada@example.org");

		browser.byId("btn-submit").sendKeys(Keys.ENTER);

		assertThat(browser.visible("submit-error").getText()).contains("Please try again in 7 seconds")
			.contains("your answers are still here");
		assertThat(browser.focusedId()).as("the message gets the focus, so a screen reader reads it").isEqualTo("submit-error");
		assertThat(browser.byId("receipt").isDisplayed()).isFalse();
		assertThat(browser.step()).isEqualTo("contact");
		assertThat(browser.byId("patient-email").getDomProperty("value")).isEqualTo("ada@example.org");
		assertThat(browser.byId("patient-name").getDomProperty("value")).isEqualTo("Ada Retry");
		assertThat(browser.byId("questionnaires-phq9-3-v1").isSelected()).isTrue();
		assertThat(browser.byId("answers-concerns").getDomProperty("value")).isEqualTo("Ich schlafe schlecht");
		assertThat(browser.byId("help-emergency-numbers").getText()).contains("999");
		assertThat((Object) browser.driver.executeScript("return localStorage.length + sessionStorage.length"))
			.as("answers are never put in browser storage")
			.isEqualTo(0L);

		// and the patient can simply press the button again
		browser.byId("btn-submit").sendKeys(Keys.ENTER);
		browser.waitUntil(d -> browser.byId("submit-error").isDisplayed());
		assertThat(browser.byId("patient-name").getDomProperty("value")).isEqualTo("Ada Retry");
	}

}
