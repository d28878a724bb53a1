package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.awaitility.Awaitility.await;

/** Writes raw records and reads topics from the beginning, on the module's shared embedded broker. */
final class KafkaTestClient implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	KafkaTestClient() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ProducerConfig.ACKS_CONFIG,
				"all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	static String brokers() {
		return System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
	}

	RecordMetadata send(String topic, String key, byte[] value) throws Exception {
		return producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
	}

	/** Waits for the records with {@code key} on {@code topic}; returns all of them seen so far. */
	List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, String key, int atLeast) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
						found.add(record);
					}
				}
				return found.size() >= atLeast;
			});
		}
		return found;
	}

	ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String key) {
		return awaitRecords(topic, key, 1).get(0);
	}

	/** Every record with {@code key} currently on {@code topic}. */
	List<ConsumerRecord<byte[], byte[]>> recordsNow(String topic, String key) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			// Poll until the assignment is done and the topic is read to its end.
			while (System.nanoTime() < deadline) {
				var records = consumer.poll(Duration.ofMillis(200));
				records.forEach(record -> {
					if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
						found.add(record);
					}
				});
				if (!consumer.assignment().isEmpty() && records.isEmpty()
						&& consumer.endOffsets(consumer.assignment()).entrySet().stream()
							.allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
					break;
				}
			}
		}
		return found;
	}

	private static KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void close() {
		producer.close();
	}

}
