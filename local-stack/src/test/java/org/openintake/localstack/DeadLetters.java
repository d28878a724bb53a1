package org.openintake.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The {@code *.dlq} topics, read with a plain consumer that joins no group and commits nothing. */
public final class DeadLetters {

	private final String bootstrapServers;

	public DeadLetters(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** How many records all dead-letter topics hold together (the sum of their end offsets). */
	public long total() {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = dlqPartitions(consumer);
			return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** The keys of every record on {@code dlqTopic}. */
	public Set<String> keysOn(String dlqTopic) {
		return recordsOn(dlqTopic).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
	}

	/** Every record on {@code dlqTopic}, from the beginning. */
	List<ConsumerRecord<String, byte[]>> recordsOn(String dlqTopic) {
		return read(partitions -> partitions.stream().filter(partition -> partition.topic().equals(dlqTopic)).toList());
	}

	/** Every record on every dead-letter topic, from the beginning. */
	List<ConsumerRecord<String, byte[]>> all() {
		return read(partitions -> partitions);
	}

	/** Every record on any topic (not only a dead-letter one, e.g. case-activity), from the beginning. */
	List<ConsumerRecord<String, byte[]>> read(String topic) {
		return readPartitions(consumer -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList());
	}

	private List<ConsumerRecord<String, byte[]>> read(UnaryOperator<List<TopicPartition>> which) {
		return readPartitions(consumer -> which.apply(dlqPartitions(consumer)));
	}

	private List<ConsumerRecord<String, byte[]>> readPartitions(
			java.util.function.Function<KafkaConsumer<String, byte[]>, List<TopicPartition>> which) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = which.apply(consumer);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			if (partitions.isEmpty()) {
				return records;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			return records;
		}
	}

	private static List<TopicPartition> dlqPartitions(KafkaConsumer<String, byte[]> consumer) {
		Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
		return topics.entrySet()
			.stream()
			.filter(topic -> topic.getKey().endsWith(".dlq"))
			.flatMap(topic -> topic.getValue().stream())
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.collect(Collectors.toList());
	}

	private KafkaConsumer<String, byte[]> consumer() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

}
