package org.openintake.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens when SMTP is down or says no: 4xx and outages are retried until delivered (once),
 * 5xx dead-letters the record with a short reason and escalates a crisis case.
 */
class SmtpFailuresTest extends NotificationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	private JavaMailSenderImpl mailSender;

	@AfterEach
	void backToGreenMail() {
		this.mailSender.setPort(SMTP_PORT);
	}

	@Test
	void smtpDownThenBackDeliversEachCaseOnceCrisisIncluded() {
		String routine = newCaseId();
		String crisis = newCaseId();
		double routineFailures = emails("staff_routine", "failed");
		double crisisFailures = emails("staff_crisis", "failed");
		double deadLettered = dlqRecords(Topics.CASES_CRISIS) + dlqRecords(Topics.CASES_ROUTED);
		greenMail.stop();

		publish(Topics.CASES_ROUTED, routine, json(triaged(routine, false, RiskLevel.LOW, Track.CBT, List.of(),
				contact("Ada", null, false, "en", "GB", null))));
		publish(Topics.CASES_CRISIS, crisis, json(triaged(crisis, true, RiskLevel.IMMINENT, Track.PSYCHIATRY,
				List.of(CrisisCategory.SUICIDE_INTENT), contact("Bo", null, false, "en", "GB", null))));

		// Both lanes keep trying while SMTP is away...
		await().atMost(WAIT).until(() -> emails("staff_routine", "failed") >= routineFailures + 2
				&& emails("staff_crisis", "failed") >= crisisFailures + 2);
		greenMail.start();

		// ...and deliver exactly once when it is back.
		await().atMost(WAIT).until(() -> mails(routine, "cbt@clinic.local").size() == 1
				&& mails(crisis, "crisis-oncall@clinic.local").size() == 1);
		assertThat(mails(routine)).hasSize(1);
		assertThat(mails(crisis)).hasSize(1);
		assertThat(dlqRecords(Topics.CASES_CRISIS) + dlqRecords(Topics.CASES_ROUTED)).isEqualTo(deadLettered);
	}

	@Test
	void temporaryRejectionIsRetriedWithBackOffUntilAccepted() throws Exception {
		String caseId = newCaseId();
		AtomicInteger attempts = new AtomicInteger();
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("tms@clinic.local") && attempts.incrementAndGet() <= 3 ? 451 : null)) {
			this.mailSender.setPort(smtp.port());
			publish(Topics.CASES_ROUTED, caseId, json(triaged(caseId, false, RiskLevel.MODERATE, Track.TMS,
					List.of(), contact("Ada", null, false, "en", "GB", null))));

			await().atMost(WAIT).until(() -> smtp.acceptedFor("tms@clinic.local", caseId).size() == 1);
			assertThat(attempts.get()).isEqualTo(4);
			assertThat(smtp.acceptedFor("tms@clinic.local", caseId)).hasSize(1);
		}
	}

	@Test
	void permanentRejectionOfACrisisEmailDeadLettersItAndEscalates() throws Exception {
		String caseId = newCaseId();
		String event = json(triaged(caseId, true, RiskLevel.IMMINENT, Track.PSYCHIATRY,
				List.of(CrisisCategory.SUICIDE_PLAN), contact("Ada", null, false, "en", "GB", null)));
		double before = dlqRecords(Topics.CASES_CRISIS);
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("crisis-oncall@clinic.local") ? 550 : null)) {
			this.mailSender.setPort(smtp.port());
			publish(Topics.CASES_CRISIS, caseId, event);

			ConsumerRecord<String, byte[]> dead = deadLetter(Topics.dlq(Topics.CASES_CRISIS), caseId);
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(event);
			assertThat(header(dead, "x-failure-reason")).isEqualTo("smtp-rejected-550");
			assertNoExceptionDetailsOrHealthData(dead);

			await().atMost(WAIT).until(() -> smtp.acceptedFor("crisis-escalation@clinic.local", caseId).size() == 1);
			// Unfold long headers (RFC 5322) before reading them.
			String escalation = smtp.acceptedFor("crisis-escalation@clinic.local", caseId)
				.get(0)
				.data()
				.replaceAll("\\r?\\n[ \\t]+", " ");
			assertThat(escalation).contains("X-Priority: 1", "Subject: URGENT escalation: OpenIntake case " + caseId,
					"ESCALATION", "Response target: call now", "Phone: +44 20 7946 0000");
			assertThat(escalation).doesNotContain(CANARY);
			assertThat(smtp.acceptedFor("crisis-oncall@clinic.local", caseId)).isEmpty();
			await().atMost(WAIT).until(() -> dlqRecords(Topics.CASES_CRISIS) >= before + 1);
		}
	}

	@Test
	void permanentRejectionOfARoutineEmailDeadLettersItWithoutEscalation() throws Exception {
		String caseId = newCaseId();
		String event = json(triaged(caseId, false, RiskLevel.LOW, Track.NEUROFEEDBACK, List.of(),
				contact("Ada", null, false, "en", "GB", null)));
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("neurofeedback@clinic.local") ? 554 : null)) {
			this.mailSender.setPort(smtp.port());
			publish(Topics.CASES_ROUTED, caseId, event);

			ConsumerRecord<String, byte[]> dead = deadLetter(Topics.dlq(Topics.CASES_ROUTED), caseId);
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(event);
			assertThat(header(dead, "x-failure-reason")).isEqualTo("smtp-rejected-554");
			assertThat(smtp.acceptedFor("crisis-escalation@clinic.local", caseId)).isEmpty();
		}
	}

	@Test
	void anUnreadableRecordIsDeadLetteredUntouchedAndDoesNotBlockItsPartition() {
		String key = newCaseId();
		byte[] poison = ("{\"caseId\": \"" + key + "\", \"riskLevel\": \"" + CANARY + "\"").getBytes(StandardCharsets.UTF_8);
		publish(Topics.CASES_ROUTED, key, poison);
		// Same key, same partition: it is processed only once the poison record is out of the way.
		String next = newCaseId();
		publish(Topics.CASES_ROUTED, key, json(triaged(next, false, RiskLevel.NONE, Track.MBSR, List.of(),
				contact("Ada", null, false, "en", "GB", null))));

		ConsumerRecord<String, byte[]> dead = deadLetter(Topics.dlq(Topics.CASES_ROUTED), key);
		assertThat(dead.value()).isEqualTo(poison);
		assertThat(header(dead, "x-failure-reason")).isEqualTo("unreadable-record");
		assertNoExceptionDetailsOrHealthData(dead);
		await().atMost(WAIT).until(() -> mails(next, "mbsr@clinic.local").size() == 1);
	}

	@Test
	void anUnreadableCrisisRecordIsDeadLetteredAndEscalatedByItsKey() {
		String caseId = newCaseId();
		byte[] poison = "not json at all".getBytes(StandardCharsets.UTF_8);
		publish(Topics.CASES_CRISIS, caseId, poison);

		ConsumerRecord<String, byte[]> dead = deadLetter(Topics.dlq(Topics.CASES_CRISIS), caseId);
		assertThat(dead.value()).isEqualTo(poison);
		assertThat(header(dead, "x-failure-reason")).isEqualTo("unreadable-record");
		await().atMost(WAIT).until(() -> mails(caseId, "crisis-escalation@clinic.local").size() == 1);
		var escalation = mails(caseId, "crisis-escalation@clinic.local").get(0);
		assertThat(header(escalation, "X-Priority")).startsWith("1");
		assertThat(body(escalation)).contains("could not be read", caseId, "cases-crisis.dlq",
				"https://staff.test/cases/" + caseId);
	}

	private static void assertNoExceptionDetailsOrHealthData(ConsumerRecord<String, byte[]> dead) {
		for (Header header : dead.headers()) {
			assertThat(header.key()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("stacktrace");
			String value = new String(header.value(), StandardCharsets.UTF_8);
			assertThat(value).doesNotContain(CANARY, "@clinic.local", "Exception", "\tat ");
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private double dlqRecords(String topic) {
		Counter counter = this.meters.find("notification.dlq.records").tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
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
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

}
