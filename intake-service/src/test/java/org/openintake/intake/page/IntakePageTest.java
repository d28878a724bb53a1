package org.openintake.intake.page;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient page in real headless Chromium against the real service and broker, with
 * notification-service absent (full-stack page tests with helplines and the crisis panel live in
 * local-stack).
 */
@BrowserTest
@IntakeServiceTest
class IntakePageTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Browser english;

	private static Browser german;

	private static IntakeTopic topic;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		english = new Browser("en-US,en");
		german = new Browser("de-DE,de");
		topic = new IntakeTopic(System.getProperty("spring.embedded.kafka.brokers"));
	}

	@AfterAll
	static void stop() {
		if (english != null) {
			english.close();
		}
		if (german != null) {
			german.close();
		}
		if (topic != null) {
			topic.close();
		}
	}

	String page() {
		return "http://127.0.0.1:" + port + "/";
	}

	// ---- filling, the way a mouse or touch user would (focus + space, never JavaScript) ----

	static void choose(Browser browser, String id) {
		browser.byId(id).sendKeys(Keys.SPACE);
	}

	static void next(Browser browser) {
		String before = browser.step();
		browser.byId("btn-next").sendKeys(Keys.ENTER);
		browser.waitUntil(d -> !before.equals(browser.step()));
	}

	static void scale(Browser browser, String instrument, int items, int value) {
		for (int item = 0; item < items; item++) {
			choose(browser, "questionnaires-" + instrument + "-" + item + "-v" + value);
		}
	}

	static void yesNo(Browser browser, String path, boolean value) {
		choose(browser, path + "-v" + value);
	}

	/**
	 * Fills every always-asked step with valid answers, all 1 on the scales (so PHQ-9 item 9 is
	 * positive: the pre-screen sends the form down the priority lane), and ends on the contact step.
	 */
	static void fillToContact(Browser browser, String name) {
		browser.type("patient-name", name);
		choose(browser, "consent-processing");
		next(browser);
		scale(browser, "phq9", 9, 1);
		next(browser);
		scale(browser, "gad7", 7, 1);
		next(browser);
		for (String question : List.of("wishDead", "suicidalThoughts", "behavior")) {
			yesNo(browser, "questionnaires-cssrs-" + question, false);
		}
		next(browser);
		browser.type("answers-concerns", "Ich schlafe schlecht");
		next(browser);
		browser.type("treatment-trials", "1");
		choose(browser, "interest-CBT");
		next(browser);
		assertThat(browser.step()).isEqualTo("contact");
	}

	String submitAndReadCaseId(Browser browser) {
		browser.byId("btn-submit").sendKeys(Keys.ENTER);
		browser.visible("receipt");
		String caseId = browser.byId("receipt-case-id").getText();
		assertThat(caseId).matches("[0-9a-f-]{36}");
		return caseId;
	}

	JsonNode publishedForm(String caseId) {
		List<ConsumerRecord<String, String>> records = topic.withKey(caseId);
		assertThat(records).hasSize(1);
		return json.readTree(records.get(0).value()).get("form");
	}

	// ---- tests ----

	@Test
	void theHelpStripShowsTheEmergencyNumberOfTheChosenCountryEvenWithNotificationServiceDown() {
		english.open(page());
		assertThat(english.byId("help-strip").isDisplayed()).isTrue();
		english.waitForText("help-emergency-numbers", "911");
		english.waitForText("help-advice", "could not be loaded");

		Select country = new Select(english.byId("country-select"));
		country.selectByValue("ES");
		english.waitForText("help-emergency-numbers", "112");
		country.selectByValue("DE");
		english.waitForText("help-emergency-numbers", "112");
		country.selectByValue("GB");
		english.waitForText("help-emergency-numbers", "999");
		assertThat(english.byId("help-emergency-numbers").findElement(By.cssSelector("a[href='tel:999']"))).isNotNull();
		country.selectByValue("US");
		english.waitForText("help-emergency-numbers", "911");
		assertThat(english.consoleErrors()).as("no script error, no CSP violation").isEmpty();
	}

	@Test
	void aPatientCanCompleteTheFormWithTheKeyboardAlone() {
		english.open(page());
		english.tabTo("patient-name");
		english.press("Ada Keyboard");
		english.tabTo("consent-processing");
		english.press(Keys.SPACE);
		english.tabTo("btn-next");
		english.press(Keys.ENTER);
		english.waitUntil(d -> "phq9".equals(english.step()));

		// a radio group is one Tab stop; the arrow keys choose within it
		for (String instrument : List.of("phq9", "gad7")) {
			int items = instrument.equals("phq9") ? 9 : 7;
			for (int item = 0; item < items; item++) {
				english.tabTo("questionnaires-" + instrument + "-" + item + "-v0");
				english.press(Keys.ARROW_DOWN);
			}
			english.tabTo("btn-next");
			english.press(Keys.ENTER);
			english.waitUntil(d -> !instrument.equals(english.step()));
		}
		for (String question : List.of("wishDead", "suicidalThoughts", "behavior")) {
			english.tabTo("questionnaires-cssrs-" + question + "-vtrue");
			english.press(Keys.ARROW_DOWN); // No
		}
		english.tabTo("btn-next");
		english.press(Keys.ENTER);
		english.waitUntil(d -> "story".equals(english.step()));
		english.tabTo("answers-concerns");
		english.press("Low mood since the winter");
		english.tabTo("btn-next");
		english.press(Keys.ENTER);
		english.waitUntil(d -> "treatment".equals(english.step()));
		english.tabTo("interest-MBSR");
		english.press(Keys.SPACE);
		english.tabTo("btn-next");
		english.press(Keys.ENTER);
		english.waitUntil(d -> "contact".equals(english.step()));
		english.tabTo("patient-email");
		english.press("ada@example.org");
		english.tabTo("preferred-phone");
		english.press(Keys.ARROW_DOWN); // by email
		english.tabTo("btn-submit");
		english.press(Keys.ENTER);

		english.visible("receipt");
		String caseId = english.byId("receipt-case-id").getText();
		JsonNode form = publishedForm(caseId);
		assertThat(form.get("locale").asString()).isEqualTo("en");
		assertThat(form.get("country").asString()).isEqualTo("US");
		assertThat(form.at("/patient/name").asString()).isEqualTo("Ada Keyboard");
		assertThat(form.at("/patient/preferredContact").asString()).isEqualTo("email");
		assertThat(form.at("/questionnaires/phq9").toString()).isEqualTo("[1,1,1,1,1,1,1,1,1]");
		assertThat(form.at("/questionnaires/cssrs/wishDead").asBoolean()).isFalse();
		assertThat(form.at("/questionnaires/cssrs/method").isNull()).as("skipped, not asked").isTrue();
		assertThat(form.at("/answers/concerns").asString()).isEqualTo("Low mood since the winter");
		assertThat(form.at("/treatment/interests").toString()).isEqualTo("[\"MBSR\"]");
		assertThat(form.at("/questionnaires/auditC").isNull()).isTrue();
		assertThat(english.byId("help-strip").isDisplayed()).as("help stays on screen after submitting").isTrue();
	}

	@Test
	void aGermanBrowserGetsTheFormInGermanForGermanyAndItIsSubmitted() {
		german.open(page());
		assertThat(german.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
		assertThat(german.byId("step-about-title").getText()).isEqualTo("Zu Ihrer Person");
		assertThat(new Select(german.byId("country-select")).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("DE");
		german.waitForText("help-emergency-numbers", "112");

		fillToContact(german, "Ada Muster");
		String caseId = submitAndReadCaseId(german);

		assertThat(german.byId("receipt-title").getText()).isEqualTo("Danke, wir haben Ihr Formular erhalten");
		JsonNode form = publishedForm(caseId);
		assertThat(form.get("locale").asString()).isEqualTo("de");
		assertThat(form.get("country").asString()).isEqualTo("DE");
		assertThat(form.at("/treatment/antidepressantTrials").asInt()).isEqualTo(1);
	}

	@Test
	void fieldErrorsAppearNextToTheFieldsInThePatientsLanguage() {
		german.open(page());
		german.byId("btn-next").sendKeys(Keys.ENTER);

		assertThat(german.step()).as("stays on the step").isEqualTo("about");
		assertThat(german.visible("err-patient-name").getText()).isEqualTo("Bitte beantworten Sie diese Frage.");
		assertThat(german.visible("err-consent-processing").getText())
			.isEqualTo("Wir brauchen Ihre Zustimmung, um das Formular anzunehmen.");
		assertThat(german.byId("patient-name").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(german.byId("patient-name").getDomAttribute("aria-describedby")).contains("err-patient-name");
		assertThat(german.focusedId()).as("focus on the first field in error").isEqualTo("patient-name");
		german.assertAccessible("about step with errors, in German");

		// switching language translates the errors already shown
		new Select(german.byId("lang-select")).selectByValue("it");
		german.waitForText("err-patient-name", "Rispondi a questa domanda");
	}

	@Test
	void whatTheServerRefusesIsShownNextToTheFieldAndNothingIsPublished() {
		english.open(page());
		fillToContact(english, "Ada Server");
		// A paste-around or an old browser can get past maxlength; the server is the last line.
		english.driver.executeScript("document.getElementById('answers-concerns').value = 'x'.repeat(4001)");
		long before = topic.size();

		english.byId("btn-submit").sendKeys(Keys.ENTER);

		english.waitUntil(d -> "story".equals(english.step()));
		assertThat(english.visible("err-answers-concerns").getText()).isEqualTo("This answer is too long.");
		assertThat(english.visible("submit-error").getText()).contains("need your attention");
		assertThat(english.byId("patient-name").getDomProperty("value")).as("answers kept").isEqualTo("Ada Server");
		assertThat(english.byId("receipt").isDisplayed()).isFalse();
		assertThat(topic.size()).isEqualTo(before);
	}

	@Test
	void aSuicidalThoughtsAnswerPutsTheEmergencyNumberRightNextToTheQuestion() {
		english.open(page());
		english.type("patient-name", "Ada Note");
		choose(english, "consent-processing");
		next(english);
		assertThat(english.byId("safety-note-phq9").isDisplayed()).isFalse();

		choose(english, "questionnaires-phq9-8-v2");
		assertThat(english.visible("safety-note-phq9").getText()).contains("emergency number").contains("911");

		choose(english, "questionnaires-phq9-8-v0");
		english.waitUntil(d -> !english.byId("safety-note-phq9").isDisplayed());
		scale(english, "phq9", 8, 0);
		next(english);
		scale(english, "gad7", 7, 0);
		next(english);
		yesNo(english, "questionnaires-cssrs-wishDead", true);
		assertThat(english.visible("safety-note-cssrs").getText()).contains("911");
	}

	@Test
	void mentioningAlcoholInTheFreeTextBringsUpTheSubstanceQuestionsWhichThePatientCanUntick() {
		english.open(page());
		english.type("patient-name", "Ada Mention");
		choose(english, "consent-processing");
		next(english);
		scale(english, "phq9", 9, 0);
		next(english);
		scale(english, "gad7", 7, 0);
		next(english);
		for (String question : List.of("wishDead", "suicidalThoughts", "behavior")) {
			yesNo(english, "questionnaires-cssrs-" + question, false);
		}
		next(english);
		english.type("answers-concerns", "Since the divorce I drink most evenings");
		next(english);

		assertThat(english.byId("relevance-substance").isSelected()).isTrue();
		assertThat(english.byId("relevance-trauma").isSelected()).isFalse();
		assertThat(english.visible("relevance-auto").getText()).contains("Untick anything");
		next(english);
		assertThat(english.step()).isEqualTo("substance");

		english.byId("btn-back").sendKeys(Keys.ENTER);
		english.waitUntil(d -> "treatment".equals(english.step()));
		choose(english, "relevance-substance"); // untick
		next(english);
		assertThat(english.step()).as("the patient's choice wins").isEqualTo("contact");
	}

	@Test
	void everyStepPassesAxeAndIsScreenshottedAtPhoneAndDesktopWidth() throws Exception {
		english.open(page());
		english.assertAccessible("about");
		english.screenshots("01-about");
		english.type("patient-name", "Ada Axe");
		choose(english, "consent-processing");
		next(english);
		english.assertAccessible("phq9");
		english.screenshots("02-phq9");
		scale(english, "phq9", 9, 0);
		next(english);
		english.assertAccessible("gad7");
		english.screenshots("03-gad7");
		scale(english, "gad7", 7, 0);
		next(english);
		yesNo(english, "questionnaires-cssrs-wishDead", false);
		yesNo(english, "questionnaires-cssrs-suicidalThoughts", true);
		assertThat(english.visible("field-questionnaires-cssrs-plan").isDisplayed()).as("skip logic: Q3-5 after a yes to Q2").isTrue();
		yesNo(english, "questionnaires-cssrs-suicidalThoughts", false);
		english.waitUntil(d -> !english.byId("field-questionnaires-cssrs-plan").isDisplayed());
		yesNo(english, "questionnaires-cssrs-behavior", false);
		english.assertAccessible("cssrs");
		english.screenshots("04-cssrs");
		next(english);
		english.assertAccessible("story");
		english.screenshots("05-story");
		next(english);
		choose(english, "interest-TMS");
		english.visible("tms-safety");
		for (String question : List.of("metalInHead", "implantedDevice", "seizures", "pregnant")) {
			yesNo(english, "treatment-tmsSafety-" + question, false);
		}
		choose(english, "relevance-substance");
		choose(english, "relevance-trauma");
		choose(english, "relevance-attention");
		english.assertAccessible("treatment");
		english.screenshots("06-treatment");
		next(english);
		assertThat(english.step()).isEqualTo("substance");
		english.assertAccessible("substance");
		english.screenshots("07-substance");
		scale(english, "auditC", 3, 0);
		scale(english, "dast10", 10, 0);
		next(english);
		english.assertAccessible("trauma");
		english.screenshots("08-trauma");
		scale(english, "pcPtsd5", 5, 0);
		next(english);
		english.assertAccessible("attention");
		english.screenshots("09-attention");
		scale(english, "asrsA", 6, 0);
		next(english);
		english.assertAccessible("contact");
		english.screenshots("10-contact");
		String caseId = submitAndReadCaseId(english);
		english.assertAccessible("receipt");
		english.screenshots("11-receipt");
		assertThat(english.consoleErrors()).as("no script error, no CSP violation on any step").isEmpty();

		JsonNode form = publishedForm(caseId);
		assertThat(form.at("/questionnaires/dast10").size()).isEqualTo(10);
		assertThat(form.at("/questionnaires/asrsA").size()).isEqualTo(6);
		assertThat(form.at("/treatment/tmsSafety/seizures").asBoolean()).isFalse();
	}

}
