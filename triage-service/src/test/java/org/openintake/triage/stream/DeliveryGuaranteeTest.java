package org.openintake.triage.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.Topics;
import org.openintake.triage.Intakes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves the delivery guarantee on the real broker, for each lane: while Kafka refuses the decision
 * (the lane's largest accepted record is shrunk below the decision's size), the intake's offset is not
 * committed and nothing is dead-lettered; once Kafka accepts it, the decision arrives and only then
 * the offset moves past the intake. Were the send asynchronous, the offset would move on at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DeliveryGuaranteeTest {

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@ParameterizedTest
	@ValueSource(strings = { Topics.CASES_ROUTED, Topics.CASES_CRISIS })
	void theInputOffsetIsCommittedOnlyAfterKafkaAcknowledgedTheDecision(String lane) throws Exception {
		IntakeSubmitted intake = Intakes
			.submitted(lane.equals(Topics.CASES_CRISIS) ? Intakes.crisisForm() : Intakes.routineForm());
		try (KafkaTestClient kafka = new KafkaTestClient();
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.brokers()))) {
			// Let the consumer group settle on the partitions first, so the outage hits a live consumer.
			IntakeSubmitted warmUp = Intakes.submitted(Intakes.routineForm());
			kafka.send(Topics.INTAKE_SUBMISSIONS, warmUp.caseId(), json.writeValueAsBytes(warmUp));
			kafka.awaitRecord(Topics.CASES_ROUTED, warmUp.caseId());

			double decisionsBefore = decisions();
			maxMessageBytes(admin, lane, "100");
			try {
				RecordMetadata sent = kafka.send(Topics.INTAKE_SUBMISSIONS, intake.caseId(), json.writeValueAsBytes(intake));
				TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());

				await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
					assertThat(committed(admin, partition)).isLessThanOrEqualTo(sent.offset());
					assertThat(kafka.recordsNow(lane, intake.caseId())).isEmpty();
				});
				assertThat(kafka.recordsNow(Topics.dlq(Topics.INTAKE_SUBMISSIONS), intake.caseId())).isEmpty();

				maxMessageBytes(admin, lane, null);
				CaseTriaged decision = json.readValue(kafka.awaitRecord(lane, intake.caseId()).value(),
						CaseTriaged.class);
				assertThat(decision.caseId()).isEqualTo(intake.caseId());
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(committed(admin, partition)).isGreaterThan(sent.offset()));
				// Tried several times, published and counted once.
				await().untilAsserted(() -> assertThat(decisions()).isEqualTo(decisionsBefore + 1));
			}
			finally {
				maxMessageBytes(admin, lane, null);
			}
		}
	}

	/** Sets the topic's largest accepted record, or back to the broker default for null. */
	private static void maxMessageBytes(Admin admin, String topic, String value) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		AlterConfigOp op = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value),
				value == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
		admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
	}

	private double decisions() {
		return meters.find("triage.decisions").counters().stream().mapToDouble(Counter::count).sum();
	}

	private static long committed(Admin admin, TopicPartition partition) throws Exception {
		OffsetAndMetadata offset = admin.listConsumerGroupOffsets("triage-service")
			.partitionsToOffsetAndMetadata()
			.get()
			.get(partition);
		return offset == null ? -1 : offset.offset();
	}

}
