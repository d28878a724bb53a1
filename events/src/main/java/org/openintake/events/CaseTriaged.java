package org.openintake.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Triage's decision on a case. Topic {@link Topics#CASES_CRISIS} when {@code crisis}, otherwise
 * {@link Topics#CASES_ROUTED}; key {@code caseId}.
 *
 * @param submittedAt when the intake was accepted, so readers can measure end-to-end latency
 * @param track the suggested track, for a clinician to confirm
 * @param rationale short sentences, one per rule that fired
 * @param contact what notification needs to reach the patient; never the free text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseTriaged(
		UUID eventId,
		String caseId,
		Instant occurredAt,
		int schemaVersion,
		Instant submittedAt,
		boolean crisis,
		RiskLevel riskLevel,
		List<Flag> flags,
		List<Score> scores,
		Track track,
		List<Track> secondaryTracks,
		List<String> rationale,
		String rulesetVersion,
		Contact contact) {

	public static final int SCHEMA_VERSION = 1;

	/**
	 * One crisis flag with its evidence.
	 *
	 * @param source the free-text field ({@code answers.concerns}) or questionnaire item
	 * ({@code phq9.9}, {@code cssrs.plan}) that raised it
	 * @param matchedText the matched words as the patient wrote them (health data: never in an email,
	 * log or metric)
	 * @param start offset of the match in the original text, inclusive (0 for questionnaire items)
	 * @param end offset of the match in the original text, exclusive
	 * @param language language of the lexicon entry that matched
	 * @param otherExperiencer the words are about someone else: a third-party concern
	 * @param ruleId id of the lexicon entry or questionnaire rule
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Flag(
			CrisisCategory category,
			String source,
			String matchedText,
			int start,
			int end,
			String language,
			boolean negated,
			boolean historical,
			boolean hypothetical,
			boolean otherExperiencer,
			String ruleId) {
	}

	/** A questionnaire's total, its published band and whether it screens positive. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Score(Instrument instrument, int total, String band, boolean positive) {
	}

	/** How to reach the patient, and whether they allowed it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Contact(
			String name,
			String email,
			String phone,
			String preferredContact,
			String locale,
			String country,
			boolean contactConsent,
			String receiptTokenHash) {
	}

}
