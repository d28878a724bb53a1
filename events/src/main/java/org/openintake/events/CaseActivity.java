package org.openintake.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Something that happened to a case on the staff side. Topic {@link Topics#CASE_ACTIVITY}, key
 * {@code caseId}, written by casework-service only.
 *
 * <p>Ids and codes only: a reason, a note or anything the patient wrote stays in casework's
 * database, so that every reader of this topic (notification, ops) sees no health data beyond the
 * risk level and the track.
 *
 * @param type what happened
 * @param actor the staff member's id at the identity provider ({@code sub}), or {@code system} for
 * what casework did by itself (an overdue crisis case)
 * @param riskLevel the case's risk level when it happened
 * @param crisis whether the case is a crisis case
 * @param track the case's track after the activity
 * @param status the case's workflow status after the activity
 * @param previousStatus the status before a {@link Type#STATUS_CHANGED}, else null
 * @param previousTrack the track before a {@link Type#TRACK_CHANGED}, else null
 * @param assignee the owner's id after a {@link Type#CLAIMED} or {@link Type#ASSIGNED}, else null
 * @param escalationStep for {@link Type#CRISIS_ACKNOWLEDGEMENT_OVERDUE}: 1 for the first escalation
 * (the escalation address), 2 and up for each repeat (the clinical lead), else 0
 * @param acknowledgementDueAt when a person should have acknowledged the crisis case, for
 * {@link Type#CRISIS_ACKNOWLEDGEMENT_OVERDUE}, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseActivity(
		UUID eventId,
		String caseId,
		Instant occurredAt,
		int schemaVersion,
		Type type,
		String actor,
		RiskLevel riskLevel,
		boolean crisis,
		Track track,
		CaseStatus status,
		CaseStatus previousStatus,
		Track previousTrack,
		String assignee,
		int escalationStep,
		Instant acknowledgementDueAt) {

	public static final int SCHEMA_VERSION = 1;

	/** The actor of what casework does by itself. */
	public static final String SYSTEM = "system";

	/** What happened. Readers treat a type they do not know as nothing to do. */
	public enum Type {
		ACKNOWLEDGED, CLAIMED, ASSIGNED, RELEASED, STATUS_CHANGED, TRACK_CHANGED, NOTE_ADDED, BREAK_GLASS,
		CRISIS_ACKNOWLEDGEMENT_OVERDUE
	}

	/** A case's place in the staff workflow. DECLINED and REFERRED_ELSEWHERE end it like CLOSED. */
	public enum CaseStatus {
		NEW, CONTACTED, BOOKED, CLOSED, DECLINED, REFERRED_ELSEWHERE
	}

}
