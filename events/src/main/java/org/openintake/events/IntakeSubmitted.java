package org.openintake.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A patient's intake, accepted by intake-service. Topic {@link Topics#INTAKE_SUBMISSIONS} or, when
 * intake's pre-screen saw a possible crisis, {@link Topics#INTAKE_PRIORITY}; key {@code caseId}.
 *
 * @param eventId unique per event; derived from the client's Idempotency-Key when there is one, so
 * a retried submission carries the same identity downstream
 * @param caseId time-ordered case reference (UUIDv7)
 * @param occurredAt when intake-service accepted the submission
 * @param receiptTokenHash SHA-256 (hex) of the patient's receipt token; the token itself never
 * leaves intake-service
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntakeSubmitted(
		UUID eventId,
		String caseId,
		Instant occurredAt,
		int schemaVersion,
		String receiptTokenHash,
		IntakeForm form) {

	public static final int SCHEMA_VERSION = 1;

}
