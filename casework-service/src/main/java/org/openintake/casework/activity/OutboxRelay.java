package org.openintake.casework.activity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openintake.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to {@code case-activity}, oldest first, and marks each event published once
 * Kafka has acknowledged it (acks=all). If Kafka is away the events wait in the outbox; an event
 * can be published twice only if the service stops between Kafka's acknowledgement and the mark,
 * and readers dedupe by event id. Several instances share the work without taking the same rows
 * ({@code for update skip locked}).
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final MeterRegistry meters;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafkaProperties,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		this.kafka = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${casework.activity.relay-interval:200ms}")
	void publishPending() {
		try {
			Integer published;
			do {
				published = this.transactions.execute(status -> publishBatch());
			}
			while (published != null && published == BATCH);
		}
		catch (RuntimeException ex) {
			// the events stay in the outbox and go out on a later run
			log.warn("case-activity events not published yet: {}", ex.getClass().getSimpleName());
			this.meters.counter("casework.activity.publish.failures").increment();
		}
	}

	private int publishBatch() {
		List<Pending> pending = this.jdbc.sql("""
				select id, case_id, payload from activity_outbox where published_at is null
				order by id limit :batch for update skip locked
				""").param("batch", BATCH).query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("case_id"),
				rs.getBytes("payload"))).list();
		if (pending.isEmpty()) {
			return 0;
		}
		var sends = pending.stream()
			.map(event -> this.kafka.send(new ProducerRecord<>(Topics.CASE_ACTIVITY, event.caseId(), event.payload())))
			.toList();
		for (var send : sends) {
			try {
				send.get(15, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge a case-activity event", ex);
			}
		}
		this.jdbc.sql("update activity_outbox set published_at = now() where id in (:ids)")
			.param("ids", pending.stream().map(Pending::id).toList())
			.update();
		this.meters.counter("casework.activity.published").increment(pending.size());
		return pending.size();
	}

	private record Pending(long id, String caseId, byte[] payload) {
	}

}
