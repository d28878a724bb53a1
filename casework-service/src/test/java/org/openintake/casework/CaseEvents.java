package org.openintake.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/** Events as intake-service and triage-service write them, for the cases the tests need. */
final class CaseEvents {

	static final String CRISIS_WORDS = "I have a plan to end my life tonight";

	private CaseEvents() {
	}

	static String newCaseId() {
		return UUID.randomUUID().toString();
	}

	static IntakeSubmitted submitted(String caseId, String name, String concerns) {
		IntakeForm form = new IntakeForm("en", "GB",
				new IntakeForm.Patient(name, name.toLowerCase().replace(' ', '.') + "@example.org", "+44 20 7946 0000",
						LocalDate.of(1990, 1, 31), "female", "phone"),
				new IntakeForm.Consent(true, true),
				new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0, 0), List.of(1, 1, 2, 1, 0, 1, 1),
						new IntakeForm.Cssrs(false, false, null, null, null, false, null), null, null, null, null),
				new IntakeForm.Answers(concerns, "Two antidepressants did not help.", "Back to work."),
				new IntakeForm.Treatment(List.of(Track.TMS), 2, List.of("CBT"),
						new IntakeForm.TmsSafety(false, false, false, false)));
		return new IntakeSubmitted(UUID.randomUUID(), caseId, Instant.now(), IntakeSubmitted.SCHEMA_VERSION,
				"a".repeat(64), form);
	}

	static CaseTriaged routine(String caseId, Track track, String name) {
		return new CaseTriaged(UUID.randomUUID(), caseId, Instant.now(), CaseTriaged.SCHEMA_VERSION, Instant.now(),
				false, RiskLevel.NONE, List.of(), scores(), track, List.of(), List.of("PHQ-9 of 9 is mild."), "routing-1",
				contact(name));
	}

	/** A crisis case whose flag points at {@link #CRISIS_WORDS} inside {@code concerns}. */
	static CaseTriaged crisis(String caseId, RiskLevel risk, String concerns, String name) {
		int start = concerns.indexOf(CRISIS_WORDS);
		List<CaseTriaged.Flag> flags = start < 0 ? List.of()
				: List.of(new CaseTriaged.Flag(CrisisCategory.SUICIDE_PLAN, "answers.concerns", "a plan to end my life",
						start + "I have ".length(), start + "I have a plan to end my life".length(), "en", false, false,
						false, false, "en.plan.have-plan"));
		return new CaseTriaged(UUID.randomUUID(), caseId, Instant.now(), CaseTriaged.SCHEMA_VERSION, Instant.now(), true,
				risk, flags, scores(), Track.PSYCHIATRY, List.of(), List.of("A suicide plan in the patient's words."),
				"routing-1", contact(name));
	}

	private static List<CaseTriaged.Score> scores() {
		return List.of(new CaseTriaged.Score(Instrument.PHQ9, 9, "mild", false),
				new CaseTriaged.Score(Instrument.GAD7, 7, "mild", false));
	}

	private static CaseTriaged.Contact contact(String name) {
		return new CaseTriaged.Contact(name, null, "+44 20 7946 0000", "phone", "en", "GB", true, "a".repeat(64));
	}

}
