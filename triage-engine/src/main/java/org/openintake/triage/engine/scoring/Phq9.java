package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/** PHQ-9: nine items 0-3, total 0-27; bands 0-4, 5-9, 10-14, 15-19, 20-27; positive from 10. */
final class Phq9 {

	private Phq9() {
	}

	static Score score(List<Integer> items) {
		int total = Bands.sum(items, 9, 3, "PHQ-9");
		String band = total <= 4 ? "minimal" : total <= 9 ? "mild" : total <= 14 ? "moderate"
				: total <= 19 ? "moderately severe" : "severe";
		return new Score(Instrument.PHQ9, total, band, total >= 10);
	}

	/** Item 9: thoughts of being better off dead or of self-harm. */
	static int item9(List<Integer> items) {
		return items.get(8);
	}

}
