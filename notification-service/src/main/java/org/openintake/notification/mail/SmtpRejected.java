package org.openintake.notification.mail;

/**
 * SMTP refused the email for good (a 5xx reply): retrying would not help, the case goes to the
 * dead-letter topic. The message never carries the recipient or the server's text.
 */
public class SmtpRejected extends RuntimeException {

	private final EmailKind kind;

	private final int replyCode;

	SmtpRejected(EmailKind kind, int replyCode) {
		super("SMTP rejected a " + kind.tag() + " email with reply " + replyCode);
		this.kind = kind;
		this.replyCode = replyCode;
	}

	public EmailKind kind() {
		return this.kind;
	}

	public int replyCode() {
		return this.replyCode;
	}

}
