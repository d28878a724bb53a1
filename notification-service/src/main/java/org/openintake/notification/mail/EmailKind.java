package org.openintake.notification.mail;

import java.util.Locale;

/** Why an email is sent; part of its Message-ID and the {@code kind} tag of {@code notification.emails}. */
public enum EmailKind {

	STAFF_CRISIS, STAFF_ROUTINE, PATIENT_ACK, ESCALATION;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
