package org.openintake.notification.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The only parts of an {@code IntakeSubmitted} this service reads. Binding to this narrow shape
 * (rather than the full event) means the answers and free text are never even held in memory here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SubmissionReceipt(String caseId, Instant occurredAt, String receiptTokenHash, Form form) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Form(String locale, String country) {
	}

}
