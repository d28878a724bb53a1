package org.openintake.notification.casemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.openintake.events.CaseTriaged;
import org.openintake.notification.cases.CaseStatusStore;
import org.openintake.notification.mail.Email;
import org.openintake.notification.mail.EmailOutbox;
import org.openintake.notification.mail.SendResult;
import org.openintake.notification.mail.SmtpRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one triaged case into its emails: staff first (the on-call mailbox for a crisis), then the
 * patient's acknowledgement. Safe to call again for the same case: the outbox's ledger skips what
 * already went out, so a redelivered or retried event only sends what is missing.
 */
@Component
public class CaseNotifier {

	private static final Logger log = LoggerFactory.getLogger(CaseNotifier.class);

	private final CaseStatusStore cases;

	private final EmailOutbox outbox;

	private final StaffEmails staffEmails;

	private final PatientAcks patientAcks;

	private final MeterRegistry meters;

	CaseNotifier(CaseStatusStore cases, EmailOutbox outbox, StaffEmails staffEmails, PatientAcks patientAcks,
			MeterRegistry meters) {
		this.cases = cases;
		this.outbox = outbox;
		this.staffEmails = staffEmails;
		this.patientAcks = patientAcks;
		this.meters = meters;
	}

	public void notify(CaseTriaged event, Lane lane) {
		// A crisis flag on either side wins: a case is never quietly downgraded to routine.
		boolean crisis = event.crisis() || lane == Lane.CRISIS;
		CaseTriaged.Contact contact = event.contact();
		String tokenHash = (contact != null) ? contact.receiptTokenHash() : null;
		String country = (contact != null) ? contact.country() : null;
		String locale = (contact != null) ? contact.locale() : null;

		SendResult staff;
		try {
			staff = this.outbox.send(this.staffEmails.forCase(event, crisis));
		}
		catch (RuntimeException ex) {
			// Not mailed (yet): the patient page still learns that triage has the case. The send's
			// failure decides retry or dead-letter, so a failing write must not replace it.
			try {
				this.cases.triaged(event.caseId(), crisis, tokenHash, country, locale, event.submittedAt());
			}
			catch (RuntimeException writeFailure) {
				ex.addSuppressed(writeFailure);
			}
			throw ex;
		}
		if (staff == SendResult.SENT && event.submittedAt() != null) {
			endToEndLatency(lane).record(Duration.between(event.submittedAt(), Instant.now()));
		}
		// Triaged and notified in one write: the database was the busiest process under backlog.
		this.cases.notified(event.caseId(), crisis, tokenHash, country, locale, event.submittedAt());

		Optional<Email> ack = this.patientAcks.forCase(event);
		if (ack.isPresent()) {
			try {
				this.outbox.send(ack.get());
			}
			catch (SmtpRejected ex) {
				// Staff have the case; an address the patient mistyped is no reason to dead-letter it
				// and page ops. The failure is counted in notification.emails{kind=patient_ack,result=failed}.
				log.warn("Patient acknowledgement for case {} was refused (reply {}); staff were notified",
						event.caseId(), ex.replyCode());
			}
		}
	}

	/**
	 * A crisis record is being dead-lettered: unless on-call already has the case (the failure was
	 * elsewhere, e.g. the patient's acknowledgement), send it to the escalation address. Never
	 * throws, because it runs while the record is being dead-lettered.
	 */
	public void escalate(CaseTriaged event, String why) {
		try {
			if (this.outbox.wasSent(this.staffEmails.forCase(event, true))) {
				return;
			}
			this.outbox.send(this.staffEmails.escalation(event, why));
		}
		catch (RuntimeException ex) {
			log.error("Escalation email for crisis case {} failed too ({}); the dead-letter alert is the last line",
					event.caseId(), ex.getClass().getSimpleName());
		}
	}

	/** A crisis-lane record could not even be read. Never throws (see {@link #escalate}). */
	public void escalateUnreadable(String caseId, String reference, String location) {
		try {
			this.outbox.send(this.staffEmails.unreadableCrisisRecord(caseId, reference, location));
		}
		catch (RuntimeException ex) {
			log.error("Escalation email for an unreadable crisis record failed too ({}); the dead-letter alert is the last line",
					ex.getClass().getSimpleName());
		}
	}

	private Timer endToEndLatency(Lane lane) {
		return Timer.builder("notification.end_to_end.latency")
			.description("From the patient's submission to SMTP accepting the staff email")
			.tag("lane", lane.tag())
			.publishPercentileHistogram()
			// Explicit buckets at the targets ops alert on ("crisis within seconds") and at the
			// benchmark's (a crisis p99 under 250 ms at 100/s, under 1 s behind a backlog: without a
			// bucket there the nearest bounds were 179 and 268 ms), and a range wide enough that a
			// delivery delayed by an SMTP outage still lands in a real bucket.
			.serviceLevelObjectives(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(10), Duration.ofSeconds(60))
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(this.meters);
	}

}
