package org.openintake.triage.stream;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retry and dead-lettering live in the listener container, not in the binding, so that we choose
 * the DLQ headers and, above all, tell the two kinds of failure apart:
 * <ul>
 * <li>a {@link PoisonRecord} is the record's fault: a few quick attempts, then the DLQ, so it never
 * blocks its partition;</li>
 * <li>anything else is the infrastructure's fault (the output could not be published): retried with
 * growing pauses until it succeeds, never dead-lettered, because a good intake must reach a case
 * lane and the offset must not move past it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer intakeErrorHandling(DeadLetterPublisher deadLetters,
			TriageStreamProperties properties) {
		TriageStreamProperties.Retry retry = properties.retry();
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
				new FixedBackOff(retry.poisonInterval().toMillis(), Math.max(0, retry.poisonAttempts() - 1)));
		handler.setBackOffFunction((record, failure) -> PoisonRecord.in(failure) != null ? null : outage(retry));
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					BackOff backOff) {
				container.setCommonErrorHandler(handler);
			}

			@Override
			public boolean retryAndDlqInBinding(String destinationName, String group) {
				return false;
			}

		};
	}

	private static BackOff outage(TriageStreamProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.outageInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(retry.outageMaxInterval().toMillis());
		return backOff;
	}

}
