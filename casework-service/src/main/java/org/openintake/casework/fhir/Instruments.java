package org.openintake.casework.fhir;

import java.util.List;
import java.util.function.Function;

import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;

/**
 * The questionnaires of the intake form as FHIR sees them. Only codes taken from the issue's
 * requirements are used: LOINC panel codes for PHQ-9 (44249-1) and GAD-7 (69737-5), with LOINC's
 * answer list for their 0-3 frequency items. The other instruments, and the item level, are named
 * by this project's canonical Questionnaire URLs: a wrong LOINC code in a clinical record is worse
 * than none, so more are added only after checking them against LOINC itself.
 *
 * <p>Item linkIds are the names triage uses for the same items in its flags' {@code source}
 * ({@code phq9.9}, {@code cssrs.plan}), so a flag's evidence points at an answer in the Bundle.
 */
enum Instruments {

	PHQ9(Instrument.PHQ9, "phq9", "PHQ9", "phq-9", "PHQ-9 (Patient Health Questionnaire, 9 items)", "44249-1",
			"PHQ-9 quick depression assessment panel", Kind.FREQUENCY, 9),
	GAD7(Instrument.GAD7, "gad7", "GAD7", "gad-7", "GAD-7 (Generalized Anxiety Disorder, 7 items)", "69737-5",
			"Generalized anxiety disorder 7 item (GAD-7)", Kind.FREQUENCY, 7),
	CSSRS(Instrument.CSSRS, "cssrs", "CSSRSScreener", "c-ssrs-screener", "C-SSRS screener (Columbia Suicide Severity Rating Scale)",
			null, null, Kind.YES_NO, 0),
	AUDIT_C(Instrument.AUDIT_C, "auditC", "AUDITC", "audit-c", "AUDIT-C (Alcohol Use Disorders Identification Test, consumption)",
			null, null, Kind.SCORE, 3),
	DAST10(Instrument.DAST10, "dast10", "DAST10", "dast-10", "DAST-10 (Drug Abuse Screening Test, 10 items)", null, null,
			Kind.YES_NO, 10),
	PC_PTSD5(Instrument.PC_PTSD5, "pcPtsd5", "PCPTSD5", "pc-ptsd-5", "PC-PTSD-5 (Primary Care PTSD Screen for DSM-5)", null,
			null, Kind.YES_NO, 5),
	ASRS_A(Instrument.ASRS_A, "asrsA", "ASRSPartA", "asrs-part-a", "ASRS v1.1 part A (Adult ADHD Self-Report Scale)", null,
			null, Kind.SCORE, 6);

	/** The C-SSRS screener's questions in the form's order; its answers are named, not numbered. */
	static final List<String> CSSRS_ITEMS = List.of("wishDead", "suicidalThoughts", "method", "intent", "plan", "behavior",
			"behaviorWithin3Months");

	/** How an item is answered. */
	enum Kind {
		/** 0-3, "not at all" to "nearly every day", coded with LOINC's answer list LL358-3 */
		FREQUENCY,
		/** the instrument's published item score, as an integer */
		SCORE,
		/** yes or no */
		YES_NO
	}

	final Instrument instrument;

	/** the linkId prefix, as triage names the instrument in a flag's source */
	final String prefix;

	/** a machine-friendly name for Questionnaire.name */
	final String name;

	/** the last part of the Questionnaire's canonical URL */
	final String urlName;

	final String title;

	final String loinc;

	final String loincDisplay;

	final Kind kind;

	final int items;

	Instruments(Instrument instrument, String prefix, String name, String urlName, String title, String loinc,
			String loincDisplay, Kind kind, int items) {
		this.instrument = instrument;
		this.prefix = prefix;
		this.name = name;
		this.urlName = urlName;
		this.title = title;
		this.loinc = loinc;
		this.loincDisplay = loincDisplay;
		this.kind = kind;
		this.items = items;
	}

	/** The item keys after the prefix: 1..n, or the C-SSRS screener's question names. */
	List<String> itemKeys() {
		if (this == CSSRS) {
			return CSSRS_ITEMS;
		}
		return java.util.stream.IntStream.rangeClosed(1, this.items).mapToObj(Integer::toString).toList();
	}

	/** The question text the patient read (English), from the form's own wording. */
	String itemText(String key) {
		return QuestionTexts.of(this.prefix + "." + (this == CSSRS ? key : "q" + key));
	}

	/** The numbered answers in this form, or null when the form did not ask this instrument (C-SSRS is not numbered). */
	List<Integer> numberedAnswers(IntakeForm.Questionnaires questionnaires) {
		Function<IntakeForm.Questionnaires, List<Integer>> answers = switch (this) {
			case PHQ9 -> IntakeForm.Questionnaires::phq9;
			case GAD7 -> IntakeForm.Questionnaires::gad7;
			case AUDIT_C -> IntakeForm.Questionnaires::auditC;
			case DAST10 -> IntakeForm.Questionnaires::dast10;
			case PC_PTSD5 -> IntakeForm.Questionnaires::pcPtsd5;
			case ASRS_A -> IntakeForm.Questionnaires::asrsA;
			case CSSRS -> q -> null;
		};
		return answers.apply(questionnaires);
	}

	/** The C-SSRS screener's answer to one of its questions (null: not asked). */
	static Boolean cssrsAnswer(IntakeForm.Cssrs cssrs, String key) {
		return switch (key) {
			case "wishDead" -> cssrs.wishDead();
			case "suicidalThoughts" -> cssrs.suicidalThoughts();
			case "method" -> cssrs.method();
			case "intent" -> cssrs.intent();
			case "plan" -> cssrs.plan();
			case "behavior" -> cssrs.behavior();
			case "behaviorWithin3Months" -> cssrs.behaviorWithin3Months();
			default -> throw new IllegalArgumentException(key);
		};
	}

}
