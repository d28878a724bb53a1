package org.openintake.notification.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openintake.events.Topics;
import org.openintake.notification.NotificationProperties;
import org.openintake.notification.casemail.CaseNotifier;
import org.openintake.notification.mail.SmtpRejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

/**
 * Retry and dead-lettering live in each binding's listener container (not the binder's in-memory
 * retry) so back-off never holds a consumer past {@code max.poll.interval.ms}, and so the
 * dead-letter record carries our short reason header instead of the binder's stack trace.
 */
@Configuration(proxyBeanMethods = false)
class RetryAndDeadLetterConfig {

	@Bean
	KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
	}

	@Bean
	DeadLetters deadLetters(KafkaTemplate<byte[], byte[]> deadLetterTemplate, EventReader reader,
			CaseNotifier notifier, MeterRegistry meters, BoundTopics topics) {
		return new DeadLetters(deadLetterTemplate, reader, notifier, meters, topics);
	}

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer retryAndDeadLetters(DeadLetters deadLetters,
			NotificationProperties properties, BoundTopics topics) {
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					BackOff backOff) {
				// an escalation is about a crisis case: it retries as soon and as long as the crisis lane
				NotificationProperties.Retry retry = (topics.isCrisisLane(destinationName)
						|| topics.isCaseActivity(destinationName)) ? properties.retry().crisis()
								: properties.retry().routine();
				DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff(retry));
				handler.addNotRetryableExceptions(UnreadableRecord.class, SmtpRejected.class);
				container.setCommonErrorHandler(handler);
			}

			@Override
			public boolean retryAndDlqInBinding(String destinationName, String group) {
				return false;
			}

		};
	}

	/** Dead-letter topics exist before the first failure, partitioned like the topics they serve. */
	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(@Value("${notification.topics.partitions:6}") int partitions,
			@Value("${notification.topics.replication-factor:1}") short replicationFactor) {
		return new KafkaAdmin.NewTopics(List.of(Topics.dlq(Topics.CASES_CRISIS), Topics.dlq(Topics.CASES_ROUTED),
				Topics.dlq(Topics.CASE_ACTIVITY))
			.stream()
			.map((name) -> TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build())
			.toArray(NewTopic[]::new));
	}

	private static BackOff backOff(NotificationProperties.Retry retry) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

}
