package org.openintake.notification.mail;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.openintake.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands emails to SMTP exactly once per case, kind and recipient: in one transaction the email's
 * ledger row is claimed (written, uncommitted), the email sent and the row committed, so a second
 * consumer with the same email waits on the row and then finds it sent. Failures are sorted into
 * {@link SmtpUnavailable} (retry) and {@link SmtpRejected} (dead-letter); neither carries an
 * address or the server's words.
 */
@Component
public class EmailOutbox {

	private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

	private final JavaMailSender mailSender;

	private final SmtpConnections smtp;

	private final EmailLedger ledger;

	private final MeterRegistry meters;

	private final TransactionTemplate transactions;

	private final String from;

	EmailOutbox(JavaMailSender mailSender, SmtpConnections smtp, EmailLedger ledger,
			PlatformTransactionManager transactionManager, MeterRegistry meters, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.smtp = smtp;
		this.ledger = ledger;
		this.transactions = new TransactionTemplate(transactionManager);
		this.meters = meters;
		this.from = properties.from();
		// Every series exists from the start, so dashboards and alerts see 0 rather than nothing.
		for (EmailKind kind : EmailKind.values()) {
			for (String result : new String[] { "sent", "duplicate", "failed" }) {
				counter(kind, result);
			}
		}
	}

	/**
	 * Sends the email unless the ledger says it went out before.
	 * @throws SmtpUnavailable when SMTP could not take it for now
	 * @throws SmtpRejected when SMTP refused it for good, or the address cannot be used
	 */
	public SendResult send(Email email) {
		String messageId = MessageIds.of(email);
		AtomicBoolean accepted = new AtomicBoolean();
		SendResult result;
		try {
			result = this.transactions.execute((status) -> sendOnce(email, messageId, accepted));
		}
		catch (DataAccessException | TransactionException ex) {
			if (!accepted.get()) {
				throw ex;
			}
			// SMTP has the email but its ledger row went with the transaction (the database went
			// away before the commit): without it a redelivery would mail the recipient again.
			log.warn("The ledger lost a {} email of case {} that SMTP accepted ({}); recording it again",
					email.kind().tag(), email.caseId(), ex.getClass().getSimpleName());
			this.ledger.recordSent(messageId, email.caseId(), email.kind());
			result = SendResult.SENT;
		}
		count(email.kind(), (result == SendResult.SENT) ? "sent" : "duplicate");
		return result;
	}

	/**
	 * Runs in the transaction that holds the email's ledger claim; sets {@code accepted} once SMTP
	 * has it. A failure rolls the claim back, so a retry (or another consumer) can send.
	 */
	private SendResult sendOnce(Email email, String messageId, AtomicBoolean accepted) {
		if (!this.ledger.claim(messageId, email.caseId(), email.kind())) {
			return SendResult.DUPLICATE;
		}
		try {
			this.smtp.send(compose(email, messageId));
		}
		catch (MessagingException ex) {
			// The message could not even be built: an address that is not an address.
			count(email.kind(), "failed");
			log.warn("A {} email for case {} could not be composed", email.kind().tag(), email.caseId());
			throw new SmtpRejected(email.kind(), 0);
		}
		catch (MailException ex) {
			count(email.kind(), "failed");
			int reply = SmtpReplies.replyCode(ex);
			log.warn("SMTP did not accept a {} email for case {} (reply {})", email.kind().tag(), email.caseId(),
					(reply > 0) ? reply : "none");
			if (SmtpReplies.permanent(reply)) {
				throw new SmtpRejected(email.kind(), reply);
			}
			throw new SmtpUnavailable(email.kind(), reply);
		}
		accepted.set(true);
		return SendResult.SENT;
	}

	/** Whether SMTP has accepted this email before (by this or an earlier run of the service). */
	public boolean wasSent(Email email) {
		return this.ledger.alreadySent(MessageIds.of(email));
	}

	private MimeMessage compose(Email email, String messageId) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(email.to());
		helper.setSubject(PlainText.line(email.subject(), 200));
		helper.setText(email.body(), false);
		if (email.urgent()) {
			helper.setPriority(1);
			message.setHeader("Importance", "high");
			message.setHeader("Priority", "urgent");
		}
		message.setHeader("Message-ID", messageId);
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	private void count(EmailKind kind, String result) {
		counter(kind, result).increment();
	}

	private Counter counter(EmailKind kind, String result) {
		return Counter.builder("notification.emails")
			.description("Emails by kind and result")
			.tag("kind", kind.tag())
			.tag("result", result)
			.register(this.meters);
	}

}
