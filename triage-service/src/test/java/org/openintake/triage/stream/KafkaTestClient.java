package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
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
			assignFromBeginning(consumer, topic);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				collect(consumer.poll(Duration.ofMillis(200)), key, found);
				return found.size() >= atLeast;
			});
		}
		return found;
	}

	ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String key) {
		return awaitRecords(topic, key, 1).get(0);
	}

	/** Every record with {@code key} on {@code topic} up to its current end. */
	List<ConsumerRecord<byte[], byte[]>> recordsNow(String topic, String key) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				collect(consumer.poll(Duration.ofMillis(100)), key, found);
				return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
			});
		}
		return found;
	}

	// Assigned, not subscribed: no group rebalance to wait for, so "nothing there" is really read
	// to the end rather than cut short by a slow assignment.
	private static List<TopicPartition> assignFromBeginning(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return partitions;
	}

	private static void collect(ConsumerRecords<byte[], byte[]> records, String key,
			List<ConsumerRecord<byte[], byte[]>> found) {
		for (ConsumerRecord<byte[], byte[]> record : records) {
			if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
				found.add(record);
			}
		}
	}

	private static KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
				4 * 1024 * 1024), new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void close() {
		producer.close();
	}

}
