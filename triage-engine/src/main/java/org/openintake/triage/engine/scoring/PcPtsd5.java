package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/** PC-PTSD-5: five yes(1)/no(0) items; positive at 3 or more. */
final class PcPtsd5 {

	private PcPtsd5() {
	}

	static Score score(List<Integer> items) {
		int total = Bands.sum(items, 5, 1, "PC-PTSD-5");
		boolean positive = total >= 3;
		return new Score(Instrument.PC_PTSD5, total, positive ? "positive" : "negative", positive);
	}

}
