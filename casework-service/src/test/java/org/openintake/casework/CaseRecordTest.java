package org.openintake.casework;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case record is assembled once, whatever the order and however often the events arrive. */
class CaseRecordTest extends CaseworkTest {

	@Test
	void aCaseWhoseTriageArrivesFirstIsStillAssembledFromEitherLaneAndRedeliveriesChangeNothing() {
		String caseId = CaseEvents.newCaseId();
		CaseTriaged triaged = CaseEvents.crisis(caseId, RiskLevel.HIGH, "x " + CaseEvents.CRISIS_WORDS, "Order Person");
		IntakeSubmitted submitted = CaseEvents.submitted(caseId, "Order Person", "x " + CaseEvents.CRISIS_WORDS);
		publish(Topics.CASES_CRISIS, caseId, triaged);
		awaitCase(caseId, false);
		// a crisis form comes on the lane at the door
		publish(Topics.INTAKE_PRIORITY, caseId, submitted);
		awaitCase(caseId, true);
		int version = count("select version from staff_case where case_id = ?", caseId);

		// redelivered (also on the other lane, as an older intake instance would send it), and a second
		// decision for the same case (a retried triage): the first one stands
		publish(Topics.CASES_CRISIS, caseId, triaged);
		publish(Topics.INTAKE_SUBMISSIONS, caseId, submitted);
		publish(Topics.CASES_ROUTED, caseId, CaseEvents.routine(caseId, Track.CBT, "Order Person"));
		String marker = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, marker, CaseEvents.routine(marker, Track.CBT, "Marker"));
		awaitCase(marker, false);
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);

		assertThat(count("select count(*) from staff_case where case_id = ?", caseId)).isEqualTo(1);
		assertThat(count("select version from staff_case where case_id = ?", caseId)).isEqualTo(version);
		assertThat(this.jdbc.sql("select track || ':' || risk_level || ':' || crisis from staff_case where case_id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).isEqualTo("PSYCHIATRY:HIGH:true");
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'SUBMITTED'", caseId))
			.isEqualTo(1);
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'TRIAGED'", caseId))
			.isEqualTo(2); // two distinct decision events; the second changed nothing but is on record
		assertThat(this.jdbc.sql("select form->'answers'->>'concerns' from staff_case where case_id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).contains(CaseEvents.CRISIS_WORDS);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicWithAReasonAndNoContent() {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, Map.of("caseId", caseId, "form", "canary-secret-words"));
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.dlq(Topics.INTAKE_SUBMISSIONS)));
			ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (caseId.equals(record.key())) {
						return record;
					}
				}
				return null;
			}, java.util.Objects::nonNull);
			assertThat(dead.value()).contains("canary-secret-words");
			assertThat(new String(dead.headers().lastHeader("x-failure-reason").value()))
				.isEqualTo("not an IntakeSubmitted JSON document");
			for (Header header : dead.headers()) {
				assertThat(new String(header.value())).doesNotContain("canary-secret-words");
			}
		}
		assertThat(count("select count(*) from staff_case where case_id = ?", caseId)).isZero();
	}

	@Test
	void theAuditLogCannotBeChangedOrEmptiedByTheServiceOrEvenItsOwner() throws Exception {
		this.jdbc.sql("insert into audit_log (actor, action, outcome) values ('test', 'VIEW_INBOX', 'OK')").update();
		for (String user : List.of("casework_app", "casework")) {
			try (var connection = java.sql.DriverManager.getConnection(TestDatabase.jdbcUrl(), user, user);
					var sql = connection.createStatement()) {
				for (String change : List.of("update audit_log set actor = 'someone else'", "delete from audit_log",
						"truncate audit_log")) {
					org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(change))
						.as(user + ": " + change)
						.isInstanceOf(java.sql.SQLException.class);
				}
			}
		}
		assertThat(count("select count(*) from audit_log where actor = 'test'")).isGreaterThanOrEqualTo(1);
	}

}
