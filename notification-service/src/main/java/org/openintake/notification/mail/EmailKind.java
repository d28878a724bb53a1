package org.openintake.notification.mail;

import java.util.Locale;

/** Why an email is sent; part of its Message-ID and the {@code kind} tag of {@code notification.emails}. */
public enum EmailKind {

	STAFF_CRISIS, STAFF_ROUTINE, PATIENT_ACK, ESCALATION,
	/** A crisis case nobody acknowledged in time (casework's CRISIS_ACKNOWLEDGEMENT_OVERDUE). */
	OVERDUE_ESCALATION;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
