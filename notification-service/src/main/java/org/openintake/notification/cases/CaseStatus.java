package org.openintake.notification.cases;

/** How far a case has come, in order; a case never moves backwards. */
public enum CaseStatus {

	/** intake-service accepted it. */
	RECEIVED,
	/** triage decided on it. */
	TRIAGED,
	/** SMTP accepted the staff email. */
	NOTIFIED

}
