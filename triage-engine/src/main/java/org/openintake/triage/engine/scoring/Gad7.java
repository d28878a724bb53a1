package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/** GAD-7: seven items 0-3, total 0-21; cut points 5, 10, 15; positive from 10. */
final class Gad7 {

	private Gad7() {
	}

	static Score score(List<Integer> items) {
		int total = Bands.sum(items, 7, 3, "GAD-7");
		String band = total < 5 ? "minimal" : total < 10 ? "mild" : total < 15 ? "moderate" : "severe";
		return new Score(Instrument.GAD7, total, band, total >= 10);
	}

}
