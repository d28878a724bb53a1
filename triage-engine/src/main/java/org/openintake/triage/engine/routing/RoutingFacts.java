package org.openintake.triage.engine.routing;

import java.util.Set;

import org.openintake.events.Track;

/**
 * What routing rules may look at. Every fact has a name the YAML table uses (see
 * {@link Condition}); a questionnaire that was not answered has a null total.
 *
 * @param topics what the patient's own words are about (e.g. {@code substance}, {@code ocd},
 * {@code psychosis}), negated and third-party mentions excluded
 * @param triedPsychotherapy the patient lists a talking therapy among treatments tried
 * @param hasText at least one free-text answer was given
 */
public record RoutingFacts(
		Integer phq9,
		Integer gad7,
		boolean auditC,
		boolean dast10,
		boolean pcPtsd5,
		boolean asrsA,
		int antidepressantTrials,
		TmsScreen tmsScreen,
		Set<Track> interests,
		Set<String> topics,
		boolean triedPsychotherapy,
		boolean crisis,
		boolean hasText) {

	/** The TMS safety screen: clear only when all four answers are a definite no. */
	public enum TmsScreen {
		CLEAR, CONTRAINDICATED, INCOMPLETE
	}

}
