package org.openintake.triage.engine;

import java.util.List;

import org.openintake.events.CaseTriaged;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/**
 * The engine's answer for one intake: everything {@link CaseTriaged} carries about the decision.
 *
 * @param crisis true when any current, self-directed, non-negated crisis category was found, or a
 * risk questionnaire item says so
 * @param flags every flag with its evidence, including negated, historical, hypothetical and
 * third-party ones (they explain why a case is or is not a crisis)
 * @param rationale short sentences, one per rule that fired
 */
public record Assessment(
		boolean crisis,
		RiskLevel riskLevel,
		List<CaseTriaged.Flag> flags,
		List<CaseTriaged.Score> scores,
		Track track,
		List<Track> secondaryTracks,
		List<String> rationale,
		String rulesetVersion) {
}
