package org.openintake.localstack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient page on the whole running system (real jars, Kafka, GreenMail, headless Chromium):
 * what only the full stack can show. The receipt comes from intake-service, the helplines and the
 * outcome from notification-service (cross-origin, under the page's CSP), the crisis decision from
 * triage-service, and the staff email from GreenMail.
 */
@BrowserTest
@ExtendWith(SharedStack.class)
class PatientPageTest {

	/** The design asks for two seconds; this bound leaves room for a loaded two-core CI machine. */
	private static final Duration CRISIS_PANEL_WITHIN = Duration.ofSeconds(10);

	/** Free text that must never reach an email. */
	private static final String CANARY = "canary-" + UUID.randomUUID();

	private static final int[] MODERATE_PHQ9 = TappedForm.MODERATE_PHQ9;

	private static final int[] MILD_GAD7 = TappedForm.MILD_GAD7;

	private static final List<String> CSSRS_SCREEN = TappedForm.CSSRS_SCREEN;

	private static LocalStack stack;

	private static Mailboxes mail;

	@BeforeAll
	static void connect(LocalStack shared) {
		stack = shared;
		mail = new Mailboxes(shared);
	}

	private static String page() {
		return stack.intake().url() + "/";
	}

	@Test
	void anEnglishPatientCompletesTheFormWithTheKeyboardAloneAndTheCaseReachesItsTrackMailbox() {
		try (Browser browser = new Browser("en-US,en")) {
			browser.open(page());
			browser.waitForText("help-lines", "988");
			browser.screenshots("01-about");

			browser.tabTo("patient-name");
			browser.press("Ada Keyboard");
			browser.tabTo("consent-processing");
			browser.press(Keys.SPACE);
			nextByKeyboard(browser, "phq9");
			scaleByKeyboard(browser, "phq9", MODERATE_PHQ9);
			browser.screenshots("02-phq9");
			nextByKeyboard(browser, "gad7");
			scaleByKeyboard(browser, "gad7", MILD_GAD7);
			browser.screenshots("03-gad7");
			nextByKeyboard(browser, "cssrs");
			for (String question : CSSRS_SCREEN) {
				browser.tabTo("questionnaires-cssrs-" + question + "-vtrue");
				browser.press(Keys.ARROW_DOWN); // No
			}
			browser.screenshots("04-cssrs");
			nextByKeyboard(browser, "story");
			browser.tabTo("answers-concerns");
			browser.press("Low mood and poor sleep since the winter. " + CANARY);
			browser.tabTo("answers-goals");
			browser.press("Enjoy things again");
			browser.screenshots("05-story");
			nextByKeyboard(browser, "treatment");
			browser.tabTo("interest-CBT");
			browser.press(Keys.SPACE);
			browser.screenshots("06-treatment");
			nextByKeyboard(browser, "contact");
			browser.tabTo("patient-phone");
			browser.press("+1 202 555 0143");
			browser.tabTo("preferred-phone");
			browser.press(Keys.SPACE);
			browser.screenshots("07-contact");
			browser.tabTo("btn-submit");
			browser.press(Keys.ENTER);

			String caseId = receiptCaseId(browser);
			// the page follows the case through notification-service until staff have it
			browser.waitUntil("the receipt to say NOTIFIED",
					d -> "NOTIFIED".equals(browser.byId("receipt").getDomAttribute("data-status")));
			assertThat(browser.byId("crisis-panel").isDisplayed()).as("no crisis, no crisis panel").isFalse();
			assertThat(browser.byId("help-lines").getText()).as("help stays on screen").contains("988");
			browser.screenshots("08-receipt");
			assertThat(browser.consoleErrors()).as("no script, CSP or CORS error against the real services").isEmpty();

			JsonNode email = mail.awaitMessageAbout("cbt@clinic.local", caseId);
			assertThat(email.get("subject").asString()).doesNotContainIgnoringCase("mood").doesNotContain("Ada");
			assertThat(email.get("mimeMessage").asString()).doesNotContain(CANARY).doesNotContain("poor sleep");
		}
	}

	@Test
	void aSpanishPatientFillsTheFormByTappingAndGetsTheReceiptTheStaffEmailAndASpanishAcknowledgement() {
		PageMessages spanish = PageMessages.of(stack, "es");
		String patientEmail = "lucia-" + UUID.randomUUID() + "@example.org";
		try (Browser browser = new Browser("es-ES,es")) {
			browser.open(page());
			assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
			assertThat(browser.byId("step-about-title").getText()).isEqualTo(spanish.get("about.title"));
			browser.waitForText("help-lines", "024");
			assertThat(browser.byId("help-emergency-numbers").getText()).contains("112");

			TappedForm.fillToContact(browser, "Lucía Tapping", MODERATE_PHQ9, 0,
					"Estoy muy triste y duermo mal desde el invierno. " + CANARY);
			browser.type("patient-email", patientEmail);
			browser.tap("preferred-email");
			browser.tap("consent-contact");
			browser.click(browser.byId("btn-submit"));

			String caseId = receiptCaseId(browser);
			assertThat(browser.byId("receipt-title").getText()).isEqualTo(spanish.get("receipt.title"));
			browser.waitUntil("the receipt to say NOTIFIED",
					d -> "NOTIFIED".equals(browser.byId("receipt").getDomAttribute("data-status")));
			assertThat(browser.consoleErrors()).as("no script, CSP or CORS error against the real services").isEmpty();

			JsonNode staff = mail.awaitMessageAbout("cbt@clinic.local", caseId);
			assertThat(staff.get("mimeMessage").asString()).doesNotContain(CANARY).doesNotContain("triste");
			JsonNode acknowledgement = mail.awaitMessageAbout(patientEmail, caseId);
			assertThat(acknowledgement.get("mimeMessage").asString()).as("Spain's helplines in the patient's email")
				.contains("024")
				.contains("112")
				.doesNotContain(CANARY);
		}
	}

	@Test
	void aCrisisInTheFreeTextShowsTheCrisisPanelWithinSecondsAndReachesOnCall() {
		try (Browser browser = new Browser("en-US,en")) {
			browser.open(page());
			browser.waitForText("help-lines", "988");
			TappedForm.fillToContact(browser, "Grace Crisis", MODERATE_PHQ9, 0,
					"I have decided to kill myself this weekend. " + CANARY);
			browser.type("patient-phone", "+1 202 555 0199");
			browser.tap("preferred-phone");

			long shownAfter = submitAndAwaitCrisisPanel(browser);
			System.out.printf("[figures] crisis panel (free text) shown %d ms after submitting%n", shownAfter);
			assertThat(browser.byId("crisis-emergency-numbers").findElements(By.cssSelector("a[href='tel:911']")))
				.as("the emergency number, callable with one tap")
				.hasSize(1);
			assertThat(browser.byId("crisis-lines").getText()).contains("988");
			browser.screenshots("09-crisis-panel", "crisis-panel");
			assertThat(browser.consoleErrors()).as("no script, CSP or CORS error against the real services").isEmpty();

			String caseId = browser.byId("receipt-case-id").getText();
			JsonNode email = mail.awaitMessageAbout("crisis-oncall@clinic.local", caseId);
			assertThat(email.get("subject").asString()).doesNotContainIgnoringCase("kill");
			assertThat(email.get("mimeMessage").asString()).doesNotContain(CANARY).doesNotContain("kill myself");
		}
	}

	@Test
	void phq9ItemNineAboveZeroShowsTheCrisisPanelInGermanWithGermanysLines() {
		int[] itemNineYes = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
		try (Browser browser = new Browser("de-DE,de")) {
			browser.open(page());
			browser.waitForText("help-lines", "116 123");
			TappedForm.fillToContact(browser, "Jonas Muster", itemNineYes, 0, "Ich schlafe schlecht und bin oft müde.");
			browser.type("patient-phone", "+49 30 1234567");
			browser.tap("preferred-phone");

			long shownAfter = submitAndAwaitCrisisPanel(browser);
			System.out.printf("[figures] crisis panel (PHQ-9 item 9) shown %d ms after submitting%n", shownAfter);
			assertThat(browser.byId("crisis-title").getText()).isEqualTo(PageMessages.of(stack, "de").get("crisis.title"));
			assertThat(browser.byId("crisis-emergency-numbers").getText()).contains("112");
			assertThat(browser.byId("crisis-lines").getText()).contains("TelefonSeelsorge").contains("116 123");
			browser.screenshots("10-crisis-panel-de", "crisis-panel");

			mail.awaitMessageAbout("crisis-oncall@clinic.local", browser.byId("receipt-case-id").getText());
		}
	}

	@Test
	void onAPhoneEachNewStepsHeadingIsNotHiddenUnderTheHelpStrip() {
		try (Browser browser = new Browser("en-US,en")) {
			browser.emulate(Browser.PHONE);
			browser.open(page());
			browser.waitForText("help-lines", "988");
			browser.type("patient-name", "Ada Phone");
			browser.tap("consent-processing");
			browser.clickNext();
			for (int item = 0; item < MODERATE_PHQ9.length; item++) {
				browser.tap("questionnaires-phq9-" + item + "-v" + MODERATE_PHQ9[item]);
			}
			browser.clickNext();
			// the page moves the focus to the heading and scrolls it (smoothly) into view
			browser.waitUntil("the scrolling to settle", d -> browser.driver
				.executeScript("return new Promise(done => { const y = window.scrollY; "
						+ "setTimeout(() => done(window.scrollY === y), 300); })")
				.equals(Boolean.TRUE));
			Number stripBottom = (Number) browser.driver
				.executeScript("return document.getElementById('help-strip').getBoundingClientRect().bottom");
			Number headingTop = (Number) browser.driver
				.executeScript("return document.getElementById('step-gad7-title').getBoundingClientRect().top");
			assertThat(browser.focusedId()).isEqualTo("step-gad7-title");
			assertThat(headingTop.doubleValue()).as("the focused heading starts below the sticky help strip")
				.isGreaterThanOrEqualTo(stripBottom.doubleValue());
		}
	}

	// ---- keyboard ----

	/** A radio group is one Tab stop; the arrow keys choose within it (Space takes the first answer). */
	private static void scaleByKeyboard(Browser browser, String instrument, int[] values) {
		for (int item = 0; item < values.length; item++) {
			browser.tabTo("questionnaires-" + instrument + "-" + item + "-v0");
			if (values[item] == 0) {
				browser.press(Keys.SPACE);
			}
			for (int step = 0; step < values[item]; step++) {
				browser.press(Keys.ARROW_DOWN);
			}
		}
	}

	private static void nextByKeyboard(Browser browser, String expectedStep) {
		browser.tabTo("btn-next");
		browser.press(Keys.ENTER);
		browser.awaitStep(expectedStep);
	}

	// ---- after submitting ----

	private static String receiptCaseId(Browser browser) {
		return TappedForm.receiptCaseId(browser);
	}

	/** Submits and returns how long the crisis panel took to appear, failing past {@link #CRISIS_PANEL_WITHIN}. */
	private static long submitAndAwaitCrisisPanel(Browser browser) {
		long submitted = System.nanoTime();
		browser.click(browser.byId("btn-submit"));
		new WebDriverWait(browser.driver, CRISIS_PANEL_WITHIN, Duration.ofMillis(100))
			.withMessage("the crisis panel within " + CRISIS_PANEL_WITHIN + " of submitting")
			.until(d -> browser.byId("crisis-panel").isDisplayed());
		long shownAfter = Duration.ofNanos(System.nanoTime() - submitted).toMillis();
		receiptCaseId(browser);
		return shownAfter;
	}

}
