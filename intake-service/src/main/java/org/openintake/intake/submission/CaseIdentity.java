package org.openintake.intake.submission;

import java.util.UUID;

/**
 * Who a submission is: its event id, its case reference and the patient's receipt token.
 *
 * @param eventId random, or with an Idempotency-Key name-based on key and form (see {@link KeyedIdentities})
 * @param caseId UUIDv7 (time-ordered, so case references sort by arrival), or with an
 * Idempotency-Key name-based on key and form, so that every instance gives a retry the same case
 */
record CaseIdentity(UUID eventId, String caseId, ReceiptToken token) {
}
