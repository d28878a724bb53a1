package org.openintake.triage.engine;

import java.time.LocalDate;
import java.util.List;

import org.openintake.events.IntakeForm;
import org.openintake.events.Track;

/** Intake forms for tests, built the way the intake page builds them. */
final class Forms {

	static final IntakeForm.Cssrs NO_RISK = new IntakeForm.Cssrs(false, false, null, null, null, false, null);

	static final IntakeForm.TmsSafety SAFE = new IntakeForm.TmsSafety(false, false, false, false);

	private Forms() {
	}

	static IntakeForm form(List<Integer> phq9, List<Integer> gad7, IntakeForm.Cssrs cssrs, String concerns,
			IntakeForm.Treatment treatment) {
		return form("en", "female", new IntakeForm.Questionnaires(phq9, gad7, cssrs, null, null, null, null),
				new IntakeForm.Answers(concerns, null, null), treatment);
	}

	static IntakeForm form(String locale, String sex, IntakeForm.Questionnaires q, IntakeForm.Answers answers,
			IntakeForm.Treatment treatment) {
		return new IntakeForm(locale, "GB",
				new IntakeForm.Patient("Ada", "ada@example.org", "+44 20 7946 0000", LocalDate.of(1990, 1, 31), sex, "phone"),
				new IntakeForm.Consent(true, true), q, answers, treatment);
	}

	static IntakeForm.Treatment treatment(List<Track> interests, int trials, IntakeForm.TmsSafety safety, String... tried) {
		return new IntakeForm.Treatment(interests, trials, List.of(tried), safety);
	}

	static List<Integer> phq9(int total, int item9) {
		Integer[] items = { 0, 0, 0, 0, 0, 0, 0, 0, item9 };
		int rest = total - item9;
		for (int i = 0; i < 8 && rest > 0; i++) {
			items[i] = Math.min(3, rest);
			rest -= items[i];
		}
		return List.of(items);
	}

	static List<Integer> gad7(int total) {
		Integer[] items = { 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < 7 && total > 0; i++) {
			items[i] = Math.min(3, total);
			total -= items[i];
		}
		return List.of(items);
	}

}
