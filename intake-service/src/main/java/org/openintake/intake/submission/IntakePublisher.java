package org.openintake.intake.submission;

import java.util.concurrent.CompletableFuture;

import org.openintake.events.IntakeSubmitted;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands an event to Kafka. The future completes when the broker acknowledged it (acks=all,
 * idempotent producer) or fails once the producer gives up (max.block.ms, delivery.timeout.ms):
 * there is deliberately no shorter timeout here, so a failure really means "not stored".
 */
@Component
class IntakePublisher {

	private final KafkaTemplate<String, IntakeSubmitted> kafka;

	IntakePublisher(KafkaTemplate<String, IntakeSubmitted> kafka) {
		this.kafka = kafka;
	}

	/**
	 * May block up to max.block.ms while the producer waits for metadata: call it off the event loop.
	 *
	 * @param topic the lane the pre-screen chose
	 */
	CompletableFuture<?> publish(IntakeSubmitted event, String topic) {
		try {
			return kafka.send(topic, event.caseId(), event);
		}
		catch (RuntimeException e) {
			return CompletableFuture.failedFuture(e);
		}
	}

}
