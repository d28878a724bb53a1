package org.openintake.notification.cases;

/** What the outcome endpoint knows about a case. */
record CaseRecord(String caseId, String receiptTokenHash, String country, String locale, CaseStatus status,
		boolean crisis) {
}
