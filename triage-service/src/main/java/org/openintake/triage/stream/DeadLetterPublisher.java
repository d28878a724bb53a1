package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.openintake.events.Topics;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes a record that cannot be triaged to {@code <topic>.dlq}: the original key and value
 * bytes, Spring Kafka's original-topic/partition/offset headers, and one
 * {@value #FAILURE_REASON} header. The default exception headers (class, message, stack trace) are
 * replaced because an exception message can quote the record, and the record is health data.
 */
@Component
class DeadLetterPublisher implements ConsumerRecordRecoverer, DisposableBean {

	static final String FAILURE_REASON = "x-failure-reason";

	/**
	 * Largest dead letter accepted, twice Kafka's default record limit: a poison record as large as
	 * its input topic allows, plus our headers, must still fit, or it would be retried forever and
	 * block its partition.
	 */
	static final int MAX_DEAD_LETTER_BYTES = 2 * 1024 * 1024;

	private static final Log log = LogFactory.getLog(DeadLetterPublisher.class);

	private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

	private final DeadLetterPublishingRecoverer recoverer;

	private final TriageMetrics metrics;

	DeadLetterPublisher(KafkaProperties kafka, TriageMetrics metrics) {
		Map<String, Object> config = kafka.buildProducerProperties();
		// A dead letter is the only copy of a case that failed: it must be durable before the
		// input offset moves on.
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_DEAD_LETTER_BYTES);
		this.producers = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
		this.metrics = metrics;
		this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
				(record, failure) -> new TopicPartition(Topics.dlq(record.topic()), -1));
		this.recoverer.setExceptionHeadersCreator((headers, failure, isKey, names) -> headers.add(FAILURE_REASON,
				reason(failure).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception failure) {
		recoverer.accept(record, failure);
		PoisonRecord poison = PoisonRecord.in(failure);
		metrics.deadLettered(poison == null ? "unknown" : poison.code());
		log.warn("Dead-lettered " + KafkaUtils.format(record) + " to " + Topics.dlq(record.topic()) + ": "
				+ reason(failure));
	}

	private static String reason(Exception failure) {
		PoisonRecord poison = PoisonRecord.in(failure);
		return poison == null ? "unexpected failure" : poison.getMessage();
	}

	@Override
	public void destroy() {
		producers.destroy();
	}

}
