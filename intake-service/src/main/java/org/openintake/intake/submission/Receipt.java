package org.openintake.intake.submission;

/**
 * The 202 body: what the patient's page needs to show the receipt and poll the outcome.
 *
 * @param crisis the pre-screen read a crisis: the page shows the crisis panel at once, before
 * triage has decided (the outcome it polls may still add to it)
 */
record Receipt(String caseId, String receiptToken, String status, boolean crisis, Links links) {

	record Links(String outcome, String helplines) {
	}

	@Override
	public String toString() {
		return "Receipt[caseId=" + caseId + "]";
	}

}
