package org.openintake.triage.stream;

import java.util.List;

import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.openintake.triage.engine.Assessment;

/**
 * What triage decides for a valid intake its engine failed on (a bug: bad input is refused before
 * the engine sees it). Dead-lettering such a case would mean no clinician ever sees it, so it goes
 * to on-call instead, as a crisis case to be read and assessed by hand the same day.
 */
final class NotAssessed {

	static final String RATIONALE = "Automatic triage failed for this case: a clinician must read the answers"
			+ " and assess it today.";

	private NotAssessed() {
	}

	static Assessment assessment(String rulesetVersion) {
		return new Assessment(true, RiskLevel.HIGH, List.of(), List.of(), Track.GENERAL_ASSESSMENT, List.of(),
				List.of(RATIONALE), rulesetVersion);
	}

}
