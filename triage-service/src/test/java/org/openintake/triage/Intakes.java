package org.openintake.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.Track;

/** Intake events as intake-service writes them, for the tests. */
public final class Intakes {

	private Intakes() {
	}

	/** Moderate depression and anxiety, no risk answers, no crisis words: a CBT case. */
	public static IntakeForm routineForm() {
		return new IntakeForm("en", "GB",
				new IntakeForm.Patient("Ada Lovelace", "ada@example.org", "+44 20 7946 0000", LocalDate.of(1990, 1, 31),
						"female", "phone"),
				new IntakeForm.Consent(true, true),
				new IntakeForm.Questionnaires(List.of(2, 2, 1, 2, 1, 1, 2, 1, 0), List.of(2, 2, 1, 2, 1, 1, 1),
						new IntakeForm.Cssrs(false, false, null, null, null, false, null), List.of(1, 0, 0), null,
						null, null),
				new IntakeForm.Answers("I have felt low and worried for months and sleep badly.",
						"I had counselling at university.", "I would like to enjoy work again."),
				new IntakeForm.Treatment(List.of(Track.CBT), 0, List.of(), new IntakeForm.TmsSafety(false, false, false,
						false)));
	}

	/** Crisis words in the free text and PHQ-9 item 9 answered "more than half the days". */
	public static IntakeForm crisisForm() {
		IntakeForm routine = routineForm();
		return new IntakeForm(routine.locale(), routine.country(), routine.patient(), routine.consent(),
				new IntakeForm.Questionnaires(List.of(3, 3, 2, 3, 2, 2, 2, 2, 2), List.of(2, 2, 2, 2, 1, 1, 1),
						new IntakeForm.Cssrs(true, true, false, false, false, false, null), null, null, null, null),
				new IntakeForm.Answers("I keep thinking I should just kill myself, I have nothing left.", null, null),
				routine.treatment());
	}

	public static IntakeSubmitted submitted(IntakeForm form) {
		return new IntakeSubmitted(UUID.randomUUID(), UUID.randomUUID().toString(), Instant.parse("2026-11-21T10:15:30.123Z"),
				IntakeSubmitted.SCHEMA_VERSION, "ab".repeat(32), form);
	}

}
