package org.openintake.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger lives in PostgreSQL, not in the process: a restarted service that is handed the same
 * records again (a new consumer group reads from the start, as after lost offsets or a replay)
 * sends nothing twice.
 * Runs its own application twice on its own topic, beside the shared test context.
 */
class RestartRedeliveryTest {

	private static final int SMTP_PORT = NotificationTestSupport.freePort();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Test
	void aRestartedServiceDoesNotMailARedeliveredCaseAgain() {
		String run = UUID.randomUUID().toString();
		String topic = "restart-test-" + run;
		String database = StandaloneService.newDatabase();
		String caseId = UUID.randomUUID().toString();
		String event = NotificationTestSupport.json(NotificationTestSupport.triaged(caseId, false, RiskLevel.LOW,
				Track.CBT, List.of(),
				NotificationTestSupport.contact("Ada", "ada@example.org", true, "en", "GB", null)));

		try (ConfigurableApplicationContext first = start(topic, "first-" + run, database)) {
			NotificationTestSupport.publish(topic, caseId, event);
			await().atMost(Duration.ofSeconds(60)).until(() -> mailsFor(caseId) == 2);
		}

		try (ConfigurableApplicationContext second = start(topic, "second-" + run, database)) {
			MeterRegistry meters = second.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> count(meters, "staff_routine", "duplicate") == 1 && count(meters, "patient_ack", "duplicate") == 1);
			assertThat(count(meters, "staff_routine", "sent")).isZero();
			assertThat(count(meters, "patient_ack", "sent")).isZero();
		}
		assertThat(mailsFor(caseId)).isEqualTo(2);
	}

	private static ConfigurableApplicationContext start(String topic, String group, String database) {
		return StandaloneService.start("routedCases", topic, group, database, SMTP_PORT, Map.of());
	}

	private static long mailsFor(String caseId) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((m) -> NotificationTestSupport.header(m, "Message-ID").contains(caseId))
			.count();
	}

	private static double count(MeterRegistry meters, String kind, String result) {
		return meters.get("notification.emails").tags("kind", kind, "result", result).counter().count();
	}

}
