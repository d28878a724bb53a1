package org.openintake.intake.submission;

import java.util.UUID;

/**
 * Who a submission is: its event id, its case reference and the patient's receipt token.
 *
 * @param eventId name-based on the Idempotency-Key when there is one, so a retry that reaches
 * another instance still carries the same event identity
 * @param caseId UUIDv7: time-ordered, so case references sort by arrival
 */
record CaseIdentity(UUID eventId, String caseId, ReceiptToken token) {
}
