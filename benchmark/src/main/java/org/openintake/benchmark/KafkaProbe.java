package org.openintake.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openintake.events.Topics;

/**
 * What the benchmark reads from the stack's broker directly: how far behind each consumer group
 * is (where a backlog waits), and how big a real intake event is (so the raw-Kafka tools send
 * records of the same size).
 */
final class KafkaProbe implements AutoCloseable {

	static final String TRIAGE_GROUP = "triage-service";

	/** Triage's consumers of the lane at the door, {@code intake-priority}. */
	static final String TRIAGE_PRIORITY_GROUP = "triage-service-priority";

	static final String NOTIFICATION_GROUP = "notification-service";

	private final String bootstrapServers;

	private final Admin admin;

	KafkaProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		this.admin = Admin.create(properties);
	}

	/** Records on {@code topic} that {@code group} has not committed yet. */
	long lag(String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			Map<TopicPartition, ListOffsetsResultInfo> ends = admin
				.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
				.all()
				.get();
			long lag = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata done = committed.get(partition);
				lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
			}
			return lag;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot read the lag of " + group + " on " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The backlog now: intake events triage has not taken (each lane), and cases notification has not emailed. */
	Backlog backlog() {
		return new Backlog(lag(TRIAGE_PRIORITY_GROUP, Topics.INTAKE_PRIORITY), lag(TRIAGE_GROUP, Topics.INTAKE_SUBMISSIONS),
				lag(NOTIFICATION_GROUP, Topics.CASES_ROUTED), lag(NOTIFICATION_GROUP, Topics.CASES_CRISIS));
	}

	/** Mean value size of up to {@code sample} records from the start of {@code intake-submissions}. */
	RecordSize intakeRecordSize(int sample) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE_SUBMISSIONS)
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long records = 0;
			long valueBytes = 0;
			long keyBytes = 0;
			int emptyPolls = 0;
			while (records < sample && emptyPolls < 5) {
				var batch = consumer.poll(Duration.ofMillis(500));
				emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
				for (ConsumerRecord<byte[], byte[]> record : batch) {
					records++;
					valueBytes += record.serializedValueSize();
					keyBytes += Math.max(0, record.serializedKeySize());
				}
			}
			if (records == 0) {
				throw new IllegalStateException("No records on " + Topics.INTAKE_SUBMISSIONS + " to measure");
			}
			return new RecordSize(records, (int) Math.round(valueBytes / (double) records),
					(int) Math.round(keyBytes / (double) records));
		}
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(5));
	}

	record Backlog(long intakePriority, long intakeSubmissions, long casesRouted, long casesCrisis) {

		boolean empty() {
			return total() == 0;
		}

		long total() {
			return intakePriority + intakeSubmissions + casesRouted + casesCrisis;
		}

	}

	/** @param valueBytes mean JSON value size; the raw tools send values of this size */
	record RecordSize(long sampled, int valueBytes, int keyBytes) {
	}

}
