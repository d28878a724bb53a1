package org.openintake.notification.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/** Finds the SMTP reply code behind a failed send: 5xx is for good, anything else may pass. */
final class SmtpReplies {

	private SmtpReplies() {
	}

	/** The most severe reply code in the failure, or 0 when no SMTP reply was received. */
	static int replyCode(Throwable failure) {
		int worst = 0;
		Deque<Throwable> pending = new ArrayDeque<>();
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		pending.push(failure);
		while (!pending.isEmpty()) {
			Throwable current = pending.pop();
			if (seen.put(current, Boolean.TRUE) != null) {
				continue;
			}
			worst = Math.max(worst, code(current));
			if (current instanceof MailSendException send) {
				for (Exception nested : send.getMessageExceptions()) {
					pending.push(nested);
				}
			}
			// MessagingException exposes its "next exception" as the cause.
			if (current.getCause() != null) {
				pending.push(current.getCause());
			}
		}
		return worst;
	}

	private static int code(Throwable failure) {
		if (failure instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (failure instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return 0;
	}

	static boolean permanent(int replyCode) {
		return replyCode >= 500 && replyCode < 600;
	}

}
