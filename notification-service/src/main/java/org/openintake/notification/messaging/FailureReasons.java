package org.openintake.notification.messaging;

import org.openintake.notification.mail.SmtpRejected;
import org.openintake.notification.mail.SmtpUnavailable;

/**
 * A short, fixed reason for a dead-lettered record: enough for ops to know what to do, never an
 * exception message or stack trace (either could quote the record or an address).
 */
final class FailureReasons {

	private FailureReasons() {
	}

	static String of(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof UnreadableRecord) {
				return "unreadable-record";
			}
			if (t instanceof SmtpRejected rejected) {
				return (rejected.replyCode() > 0) ? "smtp-rejected-" + rejected.replyCode() : "address-unusable";
			}
			if (t instanceof SmtpUnavailable) {
				return "smtp-unavailable-retries-exhausted";
			}
		}
		return "processing-failed";
	}

	/** In words, for the escalation email. */
	static String describe(String reason) {
		if (reason.startsWith("smtp-rejected")) {
			return "the mail server refused it (" + reason.substring("smtp-rejected-".length()) + ")";
		}
		if (reason.equals("smtp-unavailable-retries-exhausted")) {
			return "the mail server stayed unavailable through every retry";
		}
		return "it could not be processed (" + reason + ")";
	}

}
