package org.openintake.notification.mail;

/**
 * SMTP could not take the email for now (connection refused, timeout, a 4xx reply): worth retrying.
 * The message never carries the recipient or the SMTP server's text, which may quote an address.
 */
public class SmtpUnavailable extends RuntimeException {

	SmtpUnavailable(EmailKind kind, int replyCode) {
		super("SMTP temporarily unavailable for a " + kind.tag() + " email"
				+ ((replyCode > 0) ? " (reply " + replyCode + ")" : ""));
	}

}
