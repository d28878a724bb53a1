package org.openintake.notification.messaging;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.openintake.events.CaseTriaged;
import org.openintake.events.Topics;
import org.openintake.notification.casemail.CaseNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * What happens to a record that cannot be processed: its original bytes go to
 * {@code <topic>.dlq} with a short reason header, the DLQ meter counts it (ops alert on it), and a
 * crisis case is escalated by email. {@code intake-submissions} is read here only to record
 * receipts; its dead-letter topic belongs to triage-service, its one reader of record, so a failed
 * receipt is counted and logged instead.
 */
class DeadLetters implements ConsumerRecordRecoverer {

	static final String REASON_HEADER = "x-failure-reason";

	static final String SERVICE_HEADER = "x-failed-in";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterPublishingRecoverer publisher;

	private final EventReader reader;

	private final CaseNotifier notifier;

	private final MeterRegistry meters;

	private final BoundTopics topics;

	DeadLetters(KafkaOperations<byte[], byte[]> template, EventReader reader, CaseNotifier notifier,
			MeterRegistry meters, BoundTopics topics) {
		this.publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.dlq(record.topic()), -1));
		this.publisher.setExceptionHeadersCreator((headers, exception, isKey, names) -> {
			headers.add(REASON_HEADER, FailureReasons.of(exception).getBytes(StandardCharsets.UTF_8));
			headers.add(SERVICE_HEADER, "notification-service".getBytes(StandardCharsets.UTF_8));
		});
		this.reader = reader;
		this.notifier = notifier;
		this.meters = meters;
		this.topics = topics;
		dlqCounter(Topics.CASES_CRISIS);
		dlqCounter(Topics.CASES_ROUTED);
		dlqCounter(Topics.CASE_ACTIVITY);
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception failure) {
		String reason = FailureReasons.of(failure);
		if (this.topics.isReceipts(record.topic())) {
			Counter.builder("notification.receipts.skipped").tag("reason", reason).register(this.meters).increment();
			log.warn("Skipped {} record at partition {} offset {}: {}", record.topic(), record.partition(),
					record.offset(), reason);
			return;
		}
		// Throws if Kafka does not confirm: the error handler then keeps the record and tries again.
		this.publisher.accept(record, failure);
		dlqCounter(record.topic()).increment();
		log.error("Dead-lettered {} partition {} offset {}: {}", record.topic(), record.partition(), record.offset(),
				reason);
		if (this.topics.isCaseActivity(record.topic())) {
			// An escalation that could not be sent: the dead-letter alert is what is left, and
			// casework repeats the escalation at its next step until someone acknowledges the case.
			return;
		}
		try {
			escalateIfCrisis(record, reason);
		}
		catch (RuntimeException ex) {
			// The record is safely dead-lettered; throwing now would dead-letter it a second time.
			log.error("Could not escalate dead-lettered record {} partition {} offset {} ({})", record.topic(),
					record.partition(), record.offset(), ex.getClass().getSimpleName());
		}
	}

	private void escalateIfCrisis(ConsumerRecord<?, ?> record, String reason) {
		if (!reason.equals("unreadable-record")) {
			CaseTriaged event = this.reader.caseTriaged((byte[]) record.value());
			if (event.crisis() || this.topics.isCrisisLane(record.topic())) {
				this.notifier.escalate(event, FailureReasons.describe(reason));
			}
		}
		else if (this.topics.isCrisisLane(record.topic())) {
			String caseId = EventReader.caseIdOrNull(record.key());
			String reference = (caseId != null) ? caseId : "p" + record.partition() + "-o" + record.offset();
			this.notifier.escalateUnreadable(caseId, reference, Topics.dlq(record.topic()) + " (from partition "
					+ record.partition() + ", offset " + record.offset() + ")");
		}
	}

	private Counter dlqCounter(String topic) {
		return Counter.builder("notification.dlq.records")
			.description("Records sent to a dead-letter topic; alert on any increase")
			.tag("topic", topic)
			.register(this.meters);
	}

}
