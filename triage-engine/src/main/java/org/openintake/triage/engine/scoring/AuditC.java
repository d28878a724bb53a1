package org.openintake.triage.engine.scoring;

import java.util.List;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/**
 * AUDIT-C: three items 0-4, total 0-12; positive at 4 or more for men, 3 or more for women. When
 * sex is other, undisclosed or missing, the lower threshold applies: missing a drinking problem
 * costs more than a second look.
 */
final class AuditC {

	private AuditC() {
	}

	static Score score(List<Integer> items, String sex) {
		int total = Bands.sum(items, 3, 4, "AUDIT-C");
		int threshold = "male".equals(sex) ? 4 : 3;
		boolean positive = total >= threshold;
		return new Score(Instrument.AUDIT_C, total, positive ? "positive" : "negative", positive);
	}

}
