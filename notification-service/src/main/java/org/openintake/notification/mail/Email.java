package org.openintake.notification.mail;

/**
 * One plain-text email about one case to one recipient.
 *
 * @param urgent sent with high-priority headers
 * @param step which of a series of emails of the same kind to the same recipient this is (an
 * escalation repeated until someone acts), part of its Message-ID; 0 for an email sent once
 */
public record Email(EmailKind kind, String caseId, String to, String subject, String body, boolean urgent, int step) {

	public Email(EmailKind kind, String caseId, String to, String subject, String body, boolean urgent) {
		this(kind, caseId, to, subject, body, urgent, 0);
	}

}
