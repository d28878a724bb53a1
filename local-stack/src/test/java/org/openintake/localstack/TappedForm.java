package org.openintake.localstack;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The always-asked steps of the intake page, tapped and typed as on a phone. */
final class TappedForm {

	/** PHQ-9 12 (moderate), no risk item; with GAD-7 7 and an interest in CBT: routed to CBT. */
	static final int[] MODERATE_PHQ9 = { 2, 2, 1, 2, 1, 1, 2, 1, 0 };

	static final int[] MILD_GAD7 = { 1, 1, 2, 1, 0, 1, 1 };

	static final List<String> CSSRS_SCREEN = List.of("wishDead", "suicidalThoughts", "behavior");

	private TappedForm() {
	}

	/** Every always-asked step, ending on the contact step (C-SSRS all no, interest CBT). */
	static void fillToContact(Browser browser, String name, int[] phq9, int trials, String concerns) {
		browser.type("patient-name", name);
		browser.tap("consent-processing");
		browser.clickNext();
		for (int item = 0; item < phq9.length; item++) {
			browser.tap("questionnaires-phq9-" + item + "-v" + phq9[item]);
		}
		browser.clickNext();
		for (int item = 0; item < MILD_GAD7.length; item++) {
			browser.tap("questionnaires-gad7-" + item + "-v" + MILD_GAD7[item]);
		}
		browser.clickNext();
		for (String question : CSSRS_SCREEN) {
			browser.tap("questionnaires-cssrs-" + question + "-vfalse");
		}
		browser.clickNext();
		browser.type("answers-concerns", concerns);
		browser.clickNext();
		browser.type("treatment-trials", String.valueOf(trials));
		browser.tap("interest-CBT");
		browser.clickNext();
		assertThat(browser.step()).isEqualTo("contact");
	}

	/** The case reference on the receipt, once it shows. */
	static String receiptCaseId(Browser browser) {
		browser.visible("receipt");
		String caseId = browser.byId("receipt-case-id").getText();
		assertThat(caseId).matches("[0-9a-f-]{36}");
		return caseId;
	}

}
