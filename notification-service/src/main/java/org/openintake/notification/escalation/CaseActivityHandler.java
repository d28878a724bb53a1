package org.openintake.notification.escalation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.events.CaseActivity;
import org.openintake.notification.mail.Email;
import org.openintake.notification.mail.EmailOutbox;
import org.springframework.stereotype.Component;

/**
 * What notification does with casework's {@code case-activity}: remembers acknowledgements, and
 * emails an escalation for each CRISIS_ACKNOWLEDGEMENT_OVERDUE unless the case was acknowledged
 * before it (a case's events share a partition, so "before" is the order they arrive in). Every
 * other type, known or not, is nothing to do. Safe to call again with the same event: the
 * outbox's ledger knows each (case, step, recipient) email it sent.
 */
@Component
public class CaseActivityHandler {

	/** The {@code outcome} tag of {@code notification.case_activity}. */
	enum Outcome {

		/** an overdue case's escalation emails are out (or were, before a redelivery) */
		ESCALATED,
		/** overdue, but someone had acknowledged the case: nothing sent */
		ALREADY_ACKNOWLEDGED,
		/** an acknowledgement was recorded */
		ACKNOWLEDGEMENT_RECORDED,
		/** a type notification has nothing to do with (or does not know) */
		IGNORED;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final CaseAcknowledgements acknowledgements;

	private final OverdueEmails overdueEmails;

	private final EmailOutbox outbox;

	private final MeterRegistry meters;

	CaseActivityHandler(CaseAcknowledgements acknowledgements, OverdueEmails overdueEmails, EmailOutbox outbox,
			MeterRegistry meters) {
		this.acknowledgements = acknowledgements;
		this.overdueEmails = overdueEmails;
		this.outbox = outbox;
		this.meters = meters;
		for (Outcome outcome : Outcome.values()) {
			counter(outcome);
		}
	}

	/**
	 * @param activity read and checked by the consumer: a usable case id, and a step of 1 or more
	 * for an overdue event
	 */
	public void handle(CaseActivity activity) {
		CaseActivity.Type type = activity.type();
		if (type == CaseActivity.Type.ACKNOWLEDGED) {
			this.acknowledgements.record(activity.caseId(), activity.occurredAt());
			counter(Outcome.ACKNOWLEDGEMENT_RECORDED).increment();
		}
		else if (type == CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE) {
			escalate(activity);
		}
		else {
			counter(Outcome.IGNORED).increment();
		}
	}

	private void escalate(CaseActivity overdue) {
		if (this.acknowledgements.isAcknowledged(overdue.caseId())) {
			counter(Outcome.ALREADY_ACKNOWLEDGED).increment();
			return;
		}
		// Each recipient's email is its own ledger entry: a retry after one of two was accepted
		// sends only the other.
		for (Email email : this.overdueEmails.forStep(overdue)) {
			this.outbox.send(email);
		}
		counter(Outcome.ESCALATED).increment();
	}

	private Counter counter(Outcome outcome) {
		return Counter.builder("notification.case_activity")
			.description("case-activity records by what notification did with them")
			.tag("outcome", outcome.tag())
			.register(this.meters);
	}

}
