package org.openintake.intake.submission;

/** The 202 body: what the patient's page needs to show the receipt and poll the outcome. */
record Receipt(String caseId, String receiptToken, String status, Links links) {

	record Links(String outcome, String helplines) {
	}

	@Override
	public String toString() {
		return "Receipt[caseId=" + caseId + "]";
	}

}
