package org.openintake.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.openintake.events.Topics;

/** Reads what is really on an intake topic of the embedded broker, as plain strings. */
public final class IntakeTopic implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final String topic;

	/** The routine lane, {@code intake-submissions}. */
	public IntakeTopic(String bootstrapServers) {
		this(bootstrapServers, Topics.INTAKE_SUBMISSIONS);
	}

	public IntakeTopic(String bootstrapServers, String topic) {
		this.topic = topic;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
	}

	private List<TopicPartition> partitions() {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
		return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	public int partitionCount() {
		return partitions().size();
	}

	/** How many records the topic holds in all (sum of end offsets). */
	public long size() {
		return consumer.endOffsets(partitions()).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Every record on the topic, read from the beginning up to the current end. */
	public List<ConsumerRecord<String, String>> all() {
		List<TopicPartition> partitions = partitions();
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("could not read " + topic + " to its end");
			}
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	public List<ConsumerRecord<String, String>> withKey(String key) {
		return all().stream().filter(record -> key.equals(record.key())).toList();
	}

	@Override
	public void close() {
		consumer.close();
	}

}
