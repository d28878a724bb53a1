package org.openintake.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries are bounded: a crisis record whose email stays undeliverable ends in the dead-letter
 * topic. Escalation is for a case on-call does not have, not for one whose only failure was the
 * patient's acknowledgement. Runs with short retries on its own topic.
 */
class CrisisEscalationTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Map<String, String> SHORT_RETRIES = Map.of("notification.retry.crisis.initial-interval",
			"100ms", "notification.retry.crisis.max-interval", "200ms", "notification.retry.crisis.max-retries", "2");

	@Test
	void onCallOutOfReachThroughEveryRetryIsDeadLetteredAndEscalated() throws Exception {
		String topic = "escalation-test-" + UUID.randomUUID();
		String caseId = UUID.randomUUID().toString();
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("crisis-oncall@clinic.local") ? 421 : null);
				ConfigurableApplicationContext app = StandaloneService.start("crisisCases", topic, "g-" + topic,
						StandaloneService.newDatabase(), smtp.port(), SHORT_RETRIES)) {
			NotificationTestSupport.publish(topic, caseId, crisisCase(caseId, null));

			await().atMost(WAIT).until(() -> smtp.acceptedFor("crisis-escalation@clinic.local", caseId).size() == 1);
			assertThat(smtp.acceptedFor("crisis-escalation@clinic.local", caseId).get(0).data())
				.contains("stayed unavailable through every retry");
			assertThat(dlqRecords(app, topic)).isEqualTo(1);
		}
	}

	@Test
	void noEscalationWhenOnCallHasTheCaseAndOnlyTheAcknowledgementFailed() throws Exception {
		String topic = "escalation-test-" + UUID.randomUUID();
		String caseId = UUID.randomUUID().toString();
		String nextCaseId = UUID.randomUUID().toString();
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("patient@example.org") ? 452 : null);
				ConfigurableApplicationContext app = StandaloneService.start("crisisCases", topic, "g-" + topic,
						StandaloneService.newDatabase(), smtp.port(), SHORT_RETRIES)) {
			NotificationTestSupport.publish(topic, caseId, crisisCase(caseId, "patient@example.org"));
			// Same key, same partition: when this one is mailed, the first record's fate is settled.
			NotificationTestSupport.publish(topic, caseId, crisisCase(nextCaseId, null));

			await().atMost(WAIT).until(() -> smtp.acceptedFor("crisis-oncall@clinic.local", nextCaseId).size() == 1);
			assertThat(smtp.acceptedFor("crisis-oncall@clinic.local", caseId)).hasSize(1);
			assertThat(smtp.acceptedFor("crisis-escalation@clinic.local", caseId)).isEmpty();
			assertThat(dlqRecords(app, topic)).isEqualTo(1);
		}
	}

	private static String crisisCase(String caseId, String patientEmail) {
		return NotificationTestSupport.json(NotificationTestSupport.triaged(caseId, true, RiskLevel.IMMINENT,
				Track.PSYCHIATRY, List.of(CrisisCategory.SUICIDE_INTENT),
				NotificationTestSupport.contact("Ada", patientEmail, patientEmail != null, "en", "GB", null)));
	}

	private static double dlqRecords(ConfigurableApplicationContext app, String topic) {
		var counter = app.getBean(MeterRegistry.class).find("notification.dlq.records").tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
