package org.openintake.casework.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import org.springframework.stereotype.Component;

/**
 * The intake form's answers as Questionnaires and QuestionnaireResponses: one response per
 * instrument the patient answered (with triage's total and band as read-only items), and one for
 * the answers in their own words and their treatment history. The Questionnaires travel in the
 * Bundle, so the LOINC codes, the question texts and the answer meanings arrive with the answers
 * and every {@code questionnaire} canonical resolves inside the Bundle.
 */
@Component
class Questionnaires {

	static final String INTAKE = "intake-answers";

	/** LOINC's answer list LL358-3, for PHQ-9 and GAD-7 items: code and display by score 0-3. */
	private static final String[][] FREQUENCY = { { "LA6568-5", "Not at all" }, { "LA6569-3", "Several days" },
			{ "LA6570-1", "More than half the days" }, { "LA6571-9", "Nearly every day" } };

	private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

	private final FhirNames names;

	Questionnaires(FhirNames names) {
		this.names = names;
	}

	/** A Questionnaire and the patient's answers to it. */
	record Answered(Questionnaire questionnaire, QuestionnaireResponse response) {
	}

	List<Answered> answered(CaseSubject subject, IntakeForm form, List<CaseTriaged.Score> scores) {
		List<Answered> answered = new ArrayList<>();
		if (form.questionnaires() != null) {
			for (Instruments instrument : Instruments.values()) {
				instrument(subject, instrument, form.questionnaires(), scores).ifPresent(answered::add);
			}
		}
		intakeAnswers(subject, form).ifPresent(answered::add);
		return answered;
	}

	private Optional<Answered> instrument(CaseSubject subject, Instruments instrument, IntakeForm.Questionnaires answers,
			List<CaseTriaged.Score> scores) {
		Questionnaire questionnaire = definition(instrument);
		QuestionnaireResponse response = response(subject, instrument.urlName, questionnaire);
		if (instrument == Instruments.CSSRS) {
			if (answers.cssrs() == null) {
				return Optional.empty();
			}
			for (String key : instrument.itemKeys()) {
				Boolean answer = Instruments.cssrsAnswer(answers.cssrs(), key);
				if (answer != null) { // a follow-up question not asked has no answer, and no item
					answer(response, instrument.prefix + "." + key, instrument.itemText(key), new BooleanType(answer));
				}
			}
		}
		else {
			List<Integer> values = instrument.numberedAnswers(answers);
			if (values == null || values.isEmpty()) {
				return Optional.empty();
			}
			for (int i = 0; i < values.size(); i++) {
				String key = Integer.toString(i + 1);
				if (values.get(i) != null) {
					answer(response, instrument.prefix + "." + key, instrument.itemText(key), value(instrument, values.get(i)));
				}
			}
		}
		scores.stream().filter(score -> score.instrument() == instrument.instrument).findFirst().ifPresent(score -> {
			answer(response, instrument.prefix + ".total", "Total score (scored by triage)", new IntegerType(score.total()));
			if (score.band() != null) {
				answer(response, instrument.prefix + ".band", "Band (scored by triage)", new StringType(score.band()));
			}
		});
		return Optional.of(new Answered(questionnaire, response));
	}

	private static Type value(Instruments instrument, int value) {
		return switch (instrument.kind) {
			case FREQUENCY -> frequency(value);
			case YES_NO -> new BooleanType(value == 1);
			case SCORE -> new IntegerType(value);
		};
	}

	private static Type frequency(int score) {
		if (score < 0 || score >= FREQUENCY.length) {
			return new IntegerType(score); // out of the form's range: kept as given rather than miscoded
		}
		Coding coding = new Coding(FhirNames.LOINC, FREQUENCY[score][0], FREQUENCY[score][1]);
		coding.addExtension(ORDINAL_VALUE, new DecimalType(score));
		return coding;
	}

	private Optional<Answered> intakeAnswers(CaseSubject subject, IntakeForm form) {
		Questionnaire questionnaire = intakeDefinition();
		QuestionnaireResponse response = response(subject, INTAKE, questionnaire);
		IntakeForm.Answers answers = form.answers();
		if (answers != null) {
			text(response, "answers.concerns", "story.concerns", answers.concerns());
			text(response, "answers.history", "story.history", answers.history());
			text(response, "answers.goals", "story.goals", answers.goals());
		}
		IntakeForm.Treatment treatment = form.treatment();
		if (treatment != null) {
			if (treatment.tried() != null && !treatment.tried().isEmpty()) {
				QuestionnaireResponseItemComponent item = item(response, "treatment.tried", QuestionTexts.of("treatment.tried"));
				treatment.tried().forEach(tried -> item.addAnswer().setValue(new StringType(tried)));
			}
			if (treatment.antidepressantTrials() != null) {
				answer(response, "treatment.antidepressantTrials", QuestionTexts.of("treatment.trials"),
						new IntegerType(treatment.antidepressantTrials()));
			}
			if (treatment.interests() != null && !treatment.interests().isEmpty()) {
				QuestionnaireResponseItemComponent item = item(response, "treatment.interests",
						QuestionTexts.of("treatment.interests"));
				treatment.interests()
					.forEach(track -> item.addAnswer()
						.setValue(new Coding(this.names.trackSystem(), track.name(), TrackNames.display(track))));
			}
			IntakeForm.TmsSafety tms = treatment.tmsSafety();
			if (tms != null) {
				yesNo(response, "tmsSafety.metalInHead", tms.metalInHead());
				yesNo(response, "tmsSafety.implantedDevice", tms.implantedDevice());
				yesNo(response, "tmsSafety.seizures", tms.seizures());
				yesNo(response, "tmsSafety.pregnant", tms.pregnant());
			}
		}
		return response.hasItem() ? Optional.of(new Answered(questionnaire, response)) : Optional.empty();
	}

	private QuestionnaireResponse response(CaseSubject subject, String urlName, Questionnaire questionnaire) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId(FhirNames.id(subject.caseId(), "QuestionnaireResponse:" + urlName));
		response.setQuestionnaire(questionnaire.getUrl());
		response.setStatus(QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(subject.patient());
		response.setSource(subject.patient());
		response.setAuthoredElement(subject.submitted());
		return response;
	}

	private static void text(QuestionnaireResponse response, String linkId, String textKey, String value) {
		if (value != null && !value.isBlank()) {
			answer(response, linkId, QuestionTexts.of(textKey), new StringType(value));
		}
	}

	private static void yesNo(QuestionnaireResponse response, String linkId, Boolean value) {
		if (value != null) {
			answer(response, linkId, QuestionTexts.of(linkId), new BooleanType(value));
		}
	}

	private static void answer(QuestionnaireResponse response, String linkId, String text, Type value) {
		item(response, linkId, text).addAnswer().setValue(value);
	}

	private static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId, String text) {
		return response.addItem().setLinkId(linkId).setText(text);
	}

	/** One instrument's Questionnaire: the same resource (and id) in every Bundle. */
	Questionnaire definition(Instruments instrument) {
		Questionnaire questionnaire = questionnaire(instrument.urlName, instrument.name, instrument.title);
		if (instrument.loinc != null) {
			questionnaire.addCode(new Coding(FhirNames.LOINC, instrument.loinc, instrument.loincDisplay));
		}
		for (String key : instrument.itemKeys()) {
			Questionnaire.QuestionnaireItemComponent item = questionnaire.addItem()
				.setLinkId(instrument.prefix + "." + key)
				.setText(instrument.itemText(key))
				.setType(switch (instrument.kind) {
					case FREQUENCY -> QuestionnaireItemType.CHOICE;
					case SCORE -> QuestionnaireItemType.INTEGER;
					case YES_NO -> QuestionnaireItemType.BOOLEAN;
				});
			if (instrument.kind == Instruments.Kind.FREQUENCY) {
				for (int score = 0; score < FREQUENCY.length; score++) {
					item.addAnswerOption().setValue(frequency(score));
				}
			}
		}
		questionnaire.addItem()
			.setLinkId(instrument.prefix + ".total")
			.setText("Total score (scored by triage)")
			.setType(QuestionnaireItemType.INTEGER)
			.setReadOnly(true);
		questionnaire.addItem()
			.setLinkId(instrument.prefix + ".band")
			.setText("Band (scored by triage)")
			.setType(QuestionnaireItemType.STRING)
			.setReadOnly(true);
		return questionnaire;
	}

	/** The free-text answers and the treatment history. */
	Questionnaire intakeDefinition() {
		Questionnaire questionnaire = questionnaire(INTAKE, "IntakeAnswers",
				"Intake: the patient's own words and treatment history");
		questionnaire.addItem().setLinkId("answers.concerns").setText(QuestionTexts.of("story.concerns")).setType(QuestionnaireItemType.TEXT);
		questionnaire.addItem().setLinkId("answers.history").setText(QuestionTexts.of("story.history")).setType(QuestionnaireItemType.TEXT);
		questionnaire.addItem().setLinkId("answers.goals").setText(QuestionTexts.of("story.goals")).setType(QuestionnaireItemType.TEXT);
		questionnaire.addItem()
			.setLinkId("treatment.tried")
			.setText(QuestionTexts.of("treatment.tried"))
			.setType(QuestionnaireItemType.STRING)
			.setRepeats(true);
		questionnaire.addItem()
			.setLinkId("treatment.antidepressantTrials")
			.setText(QuestionTexts.of("treatment.trials"))
			.setType(QuestionnaireItemType.INTEGER);
		Questionnaire.QuestionnaireItemComponent interests = questionnaire.addItem()
			.setLinkId("treatment.interests")
			.setText(QuestionTexts.of("treatment.interests"))
			.setType(QuestionnaireItemType.CHOICE)
			.setRepeats(true);
		for (Track track : Track.values()) {
			interests.addAnswerOption().setValue(new Coding(this.names.trackSystem(), track.name(), TrackNames.display(track)));
		}
		for (String key : List.of("metalInHead", "implantedDevice", "seizures", "pregnant")) {
			questionnaire.addItem()
				.setLinkId("tmsSafety." + key)
				.setText(QuestionTexts.of("tmsSafety." + key))
				.setType(QuestionnaireItemType.BOOLEAN);
		}
		return questionnaire;
	}

	private Questionnaire questionnaire(String urlName, String name, String title) {
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setId(FhirNames.sharedId("Questionnaire:" + urlName));
		questionnaire.setUrl(this.names.questionnaire(urlName));
		questionnaire.setName(name);
		questionnaire.setTitle(title);
		questionnaire.setStatus(PublicationStatus.ACTIVE);
		questionnaire.addSubjectType("Patient");
		return questionnaire;
	}

}
