package org.openintake.casework.caserecord;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openintake.casework.CaseworkProperties;
import org.openintake.events.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record that cannot be read goes to {@code <topic>.dlq} at once; one that fails for another
 * reason (the database is restarting) is retried with back-off, and after that dead-lettered
 * rather than blocking its partition. The dead-letter record keeps the original bytes and gets one
 * short reason header instead of the exception's message and stack trace, which could quote
 * health data.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

	static final String REASON_HEADER = "x-failure-reason";

	static final List<String> INPUTS = List.of(Topics.INTAKE_PRIORITY, Topics.INTAKE_SUBMISSIONS, Topics.CASES_CRISIS,
			Topics.CASES_ROUTED);

	@Bean
	KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
	}

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer retryThenDeadLetter(KafkaTemplate<byte[], byte[]> deadLetterTemplate,
			MeterRegistry meters) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, exception) -> {
					meters.counter("casework.dlq.records", "topic", record.topic()).increment();
					return new TopicPartition(Topics.dlq(record.topic()), record.partition());
				});
		// at zero from the start: the dead-letter alert and dashboard see the series before a failure
		INPUTS.forEach(topic -> meters.counter("casework.dlq.records", "topic", topic));
		recoverer.setExceptionHeadersCreator((headers, exception, isKey, names) -> headers.add(REASON_HEADER,
				reason(exception).getBytes(StandardCharsets.UTF_8)));
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					BackOff backOff) {
				DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded());
				handler.addNotRetryableExceptions(UnreadableRecord.class);
				// While the database is away, waiting is right: the case record is the system of
				// record, and a case sent to the dead-letter topic would be missing from the inbox.
				handler.setBackOffFunction((record, exception) -> databaseDown(exception) ? untilItIsBack() : bounded());
				container.setCommonErrorHandler(handler);
			}

			@Override
			public boolean retryAndDlqInBinding(String destinationName, String group) {
				return false;
			}

		};
	}

	private static BackOff bounded() {
		ExponentialBackOffWithMaxRetries retries = new ExponentialBackOffWithMaxRetries(6);
		retries.setInitialInterval(500);
		retries.setMultiplier(2);
		retries.setMaxInterval(10_000);
		return retries;
	}

	private static BackOff untilItIsBack() {
		return new FixedBackOff(2_000, FixedBackOff.UNLIMITED_ATTEMPTS);
	}

	/** The database cannot be reached or is restarting (SQL states 08xxx and 57Pxx), as opposed to refusing this record. */
	static boolean databaseDown(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/** Dead-letter topics exist before the first failure, partitioned like the topics they serve. */
	@Bean
	KafkaAdmin.NewTopics caseworkTopics(CaseworkProperties properties) {
		CaseworkProperties.Topics topics = properties.topics();
		List<String> names = new java.util.ArrayList<>(INPUTS.stream().map(Topics::dlq).toList());
		names.add(Topics.CASE_ACTIVITY);
		return new KafkaAdmin.NewTopics(names.stream()
			.map(name -> TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build())
			.toArray(NewTopic[]::new));
	}

	/** A short, fixed reason: our own message for an unreadable record, otherwise the kind of failure. */
	static String reason(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnreadableRecord unreadable) {
				return unreadable.getMessage();
			}
			if (cause instanceof DataAccessException) {
				return "database unavailable";
			}
		}
		return "processing failed";
	}

}
