package org.openintake.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.openintake.events.CaseActivity;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalations from casework's {@code case-activity}, through the real broker, SMTP server and
 * PostgreSQL: who gets each step, exactly once per (case, step, recipient), nothing once the case
 * was acknowledged, and a poison record dead-lettered without health data in its headers.
 */
class CaseActivityEscalationTest extends NotificationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String ESCALATION = "crisis-escalation@clinic.local";

	private static final String LEAD = "clinical-lead@clinic.local";

	@Test
	void stepOneGoesToTheEscalationAddressOnlyAtHighPriorityWithoutHealthDataInTheSubject() {
		String caseId = newCaseId();
		Instant due = Instant.parse("2026-11-30T10:00:00Z");
		publish(Topics.CASE_ACTIVITY, caseId, json(overdue(caseId, 1, due, due.plus(Duration.ofMinutes(75)))));
		settledAfter(caseId);

		assertThat(mails(caseId)).hasSize(1);
		MimeMessage mail = mails(caseId, ESCALATION).get(0);
		assertThat(subject(mail)).isEqualTo("ESCALATION: crisis case " + caseId.substring(caseId.length() - 8) + " not acknowledged");
		assertThat(header(mail, "X-Priority")).startsWith("1");
		assertThat(header(mail, "Importance")).isEqualTo("high");
		assertThat(body(mail)).contains("OpenIntake crisis case " + caseId, "Escalation step: 1", "Risk level: HIGH",
				"Acknowledgement was due: 2026-11-30 10:00 UTC", "Overdue by: 1 h 15 min",
				"https://staff.test/cases/" + caseId, "Acknowledge the case to stop these emails.");
	}

	@Test
	void stepTwoGoesToTheClinicalLeadAndTheEscalationAddress() {
		String caseId = newCaseId();
		Instant due = Instant.now().minus(Duration.ofMinutes(40));
		publish(Topics.CASE_ACTIVITY, caseId, json(overdue(caseId, 1, due, due.plus(Duration.ofMinutes(15)))));
		publish(Topics.CASE_ACTIVITY, caseId, json(overdue(caseId, 2, due, due.plus(Duration.ofMinutes(40)))));
		settledAfter(caseId);

		assertThat(mails(caseId, LEAD)).hasSize(1);
		// step 1 and step 2: each is its own email
		assertThat(mails(caseId, ESCALATION)).hasSize(2);
		assertThat(body(mails(caseId, LEAD).get(0))).contains("Escalation step: 2", "Overdue by: 40 min");
		assertThat(mails(caseId)).hasSize(3);
	}

	@Test
	void aRedeliveredEscalationSendsNothingTwice() {
		String caseId = newCaseId();
		String event = json(overdue(caseId, 2, Instant.now().minusSeconds(3600), Instant.now()));
		double duplicatesBefore = emails("overdue_escalation", "duplicate");

		publish(Topics.CASE_ACTIVITY, caseId, event);
		publish(Topics.CASE_ACTIVITY, caseId, event);
		settledAfter(caseId);

		assertThat(mails(caseId, LEAD)).hasSize(1);
		assertThat(mails(caseId, ESCALATION)).hasSize(1);
		assertThat(mails(caseId)).hasSize(2);
		assertThat(emails("overdue_escalation", "duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 2);
	}

	@Test
	void anOverdueEventAfterTheAcknowledgementSendsNothing() {
		String caseId = newCaseId();
		double suppressedBefore = caseActivity("already_acknowledged");
		publish(Topics.CASE_ACTIVITY, caseId, json(activity(caseId, CaseActivity.Type.ACKNOWLEDGED, 0, null)));
		publish(Topics.CASE_ACTIVITY, caseId, json(overdue(caseId, 1, Instant.now().minusSeconds(600), Instant.now())));
		publish(Topics.CASE_ACTIVITY, caseId, json(overdue(caseId, 3, Instant.now().minusSeconds(1800), Instant.now())));
		settledAfter(caseId);

		assertThat(mails(caseId)).isEmpty();
		assertThat(caseActivity("already_acknowledged")).isGreaterThanOrEqualTo(suppressedBefore + 2);
	}

	@Test
	void otherAndUnknownActivityTypesSendNothing() {
		String caseId = newCaseId();
		publish(Topics.CASE_ACTIVITY, caseId, json(activity(caseId, CaseActivity.Type.CLAIMED, 0, null)));
		publish(Topics.CASE_ACTIVITY, caseId, json(activity(caseId, CaseActivity.Type.STATUS_CHANGED, 0, null))
			.replace("\"STATUS_CHANGED\"", "\"A_TYPE_ADDED_LATER\""));
		settledAfter(caseId);

		assertThat(mails(caseId)).isEmpty();
	}

	@Test
	void poisonIsDeadLetteredWithoutHealthDataInItsHeadersAndDoesNotBlockThePartition() {
		String key = newCaseId();
		byte[] notJson = ("not json: " + CANARY).getBytes(StandardCharsets.UTF_8);
		// readable, but an overdue escalation without a step: nobody to send it to
		byte[] noStep = json(overdue(key, 0, Instant.now(), Instant.now())).replace("\"eventId\"",
				"\"note\":\"" + CANARY + "\",\"eventId\"").getBytes(StandardCharsets.UTF_8);
		publish(Topics.CASE_ACTIVITY, key, notJson);
		publish(Topics.CASE_ACTIVITY, key, noStep);

		List<ConsumerRecord<String, byte[]>> dead = deadLetters(Topics.dlq(Topics.CASE_ACTIVITY), key, 2);
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, noStep);
		for (ConsumerRecord<String, byte[]> record : dead) {
			assertThat(new String(record.headers().lastHeader("x-failure-reason").value(), StandardCharsets.UTF_8))
				.isEqualTo("unreadable-record");
			for (Header header : record.headers()) {
				assertThat(header.key()).doesNotContainIgnoringCase("exception");
				assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(CANARY, "@clinic.local",
						"Exception", "\tat ");
			}
		}
		// same key, same partition: the next escalation still goes out
		settledAfter(key);
		assertThat(mails(key)).isEmpty();
		Counter dlq = this.meters.find("notification.dlq.records").tag("topic", Topics.CASE_ACTIVITY).counter();
		assertThat(dlq).isNotNull();
		assertThat(dlq.count()).isGreaterThanOrEqualTo(2);
	}

	/**
	 * Publishes a step-1 escalation of another case under the same key (so the same partition,
	 * after everything published before) and waits for its email: the records before it are done.
	 */
	private void settledAfter(String key) {
		String sentinel = newCaseId();
		publish(Topics.CASE_ACTIVITY, key, json(overdue(sentinel, 1, Instant.now(), Instant.now())));
		await().atMost(WAIT).until(() -> mails(sentinel, ESCALATION).size() == 1);
	}

	private double caseActivity(String outcome) {
		Counter counter = this.meters.find("notification.case_activity").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static CaseActivity overdue(String caseId, int step, Instant due, Instant at) {
		CaseActivity activity = activity(caseId, CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE, step, due);
		return new CaseActivity(activity.eventId(), caseId, at, activity.schemaVersion(), activity.type(),
				activity.actor(), activity.riskLevel(), true, activity.track(), activity.status(), null, null, null,
				step, due);
	}

	private static CaseActivity activity(String caseId, CaseActivity.Type type, int step, Instant due) {
		return new CaseActivity(UUID.randomUUID(), caseId, Instant.now(), CaseActivity.SCHEMA_VERSION, type,
				CaseActivity.SYSTEM, RiskLevel.HIGH, true, Track.PSYCHIATRY, CaseActivity.CaseStatus.NEW, null, null,
				null, step, due);
	}

	private static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String key, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.embedded.kafka.brokers"), ConsumerConfig.GROUP_ID_CONFIG,
				"dlq-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(WAIT).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((r) -> {
					if (key.equals(r.key())) {
						found.add(r);
					}
				});
				return found.size() >= expected;
			});
			return found;
		}
	}

}
