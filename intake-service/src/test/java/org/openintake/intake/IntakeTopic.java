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

/** Reads what is really on intake topics of the embedded broker, as plain strings. */
public final class IntakeTopic implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<String> topics;

	/** Both lanes: every intake, whichever lane the pre-screen chose. */
	public IntakeTopic(String bootstrapServers) {
		this(bootstrapServers, Topics.INTAKE_PRIORITY, Topics.INTAKE_SUBMISSIONS);
	}

	/** @param topics one lane, or both when a test does not care which lane the pre-screen chose */
	public IntakeTopic(String bootstrapServers, String... topics) {
		this.topics = List.of(topics);
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
	}

	private List<TopicPartition> partitions() {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
			infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		return partitions;
	}

	/** Partitions of all the topics read together. */
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
				throw new AssertionError("could not read " + topics + " to its end");
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
