package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/**
 * ASRS v1.1 part A: six items 0 (never) to 4 (very often). Items 1-3 count from "sometimes" (2),
 * items 4-6 from "often" (3); positive with 4 or more items over their threshold. The total is
 * the number of items over threshold (0-6).
 */
final class AsrsPartA {

	private static final int[] THRESHOLDS = { 2, 2, 2, 3, 3, 3 };

	private AsrsPartA() {
	}

	static Score score(List<Integer> items) {
		Bands.check(items, 6, 4, "ASRS part A");
		int over = 0;
		for (int i = 0; i < 6; i++) {
			if (items.get(i) >= THRESHOLDS[i]) {
				over++;
			}
		}
		boolean positive = over >= 4;
		return new Score(Instrument.ASRS_A, over, positive ? "positive" : "negative", positive);
	}

}
