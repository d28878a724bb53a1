package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/**
 * DAST-10: ten yes(1)/no(0) items; item 3 ("always able to stop when you want to") is reversed, so
 * a yes there scores 0. Bands 0 none, 1-2 low, 3-5 moderate, 6-8 substantial, 9-10 severe; positive
 * from the moderate band, where a full assessment is advised.
 */
final class Dast10 {

	private Dast10() {
	}

	static Score score(List<Integer> items) {
		Bands.check(items, 10, 1, "DAST-10");
		int total = 0;
		for (int i = 0; i < 10; i++) {
			int answer = items.get(i);
			total += i == 2 ? 1 - answer : answer;
		}
		String band = total == 0 ? "none" : total <= 2 ? "low" : total <= 5 ? "moderate" : total <= 8 ? "substantial"
				: "severe";
		return new Score(Instrument.DAST10, total, band, total >= 3);
	}

}
