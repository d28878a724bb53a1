package org.openintake.notification.messaging;

import java.util.function.Consumer;

import org.openintake.notification.casemail.CaseNotifier;
import org.openintake.notification.casemail.Lane;
import org.openintake.notification.cases.CaseStatusStore;
import org.openintake.notification.escalation.CaseActivityHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The four Spring Cloud Stream consumers. Each is its own binding with its own listener container
 * and thread, so a backlog (or an SMTP outage being retried) on routine cases never holds up the
 * crisis lane. Values arrive as raw bytes so unreadable records can be dead-lettered untouched.
 */
@Configuration(proxyBeanMethods = false)
class CaseConsumers {

	/** {@code cases-crisis}: the priority lane. */
	@Bean
	Consumer<Message<byte[]>> crisisCases(EventReader reader, CaseNotifier notifier) {
		return (message) -> notifier.notify(reader.caseTriaged(message.getPayload()), Lane.CRISIS);
	}

	/** {@code cases-routed}: everything else. */
	@Bean
	Consumer<Message<byte[]>> routedCases(EventReader reader, CaseNotifier notifier) {
		return (message) -> notifier.notify(reader.caseTriaged(message.getPayload()), Lane.ROUTINE);
	}

	/** {@code case-activity}: escalations of crisis cases nobody acknowledged, and the acknowledgements. */
	@Bean
	Consumer<Message<byte[]>> caseActivity(EventReader reader, CaseActivityHandler handler) {
		return (message) -> handler.handle(reader.caseActivity(message.getPayload()));
	}

	/** {@code intake-submissions}: only to know a case exists and who may ask about it. */
	@Bean
	Consumer<Message<byte[]>> receivedCases(EventReader reader, CaseStatusStore cases) {
		return (message) -> received(reader, cases, message);
	}

	/**
	 * {@code intake-priority}, the lane intake chose at the door for a possible crisis: the same
	 * record, on its own consumer so that the patient's outcome is not behind a routine backlog.
	 */
	@Bean
	Consumer<Message<byte[]>> priorityReceivedCases(EventReader reader, CaseStatusStore cases) {
		return (message) -> received(reader, cases, message);
	}

	private static void received(EventReader reader, CaseStatusStore cases, Message<byte[]> message) {
		SubmissionReceipt receipt = reader.submission(message.getPayload());
		SubmissionReceipt.Form form = receipt.form();
		cases.received(receipt.caseId(), receipt.receiptTokenHash(), (form != null) ? form.country() : null,
				(form != null) ? form.locale() : null, receipt.occurredAt());
	}

}
