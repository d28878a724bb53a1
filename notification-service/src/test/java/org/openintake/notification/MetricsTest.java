package org.openintake.notification;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What ops scrape: email, DLQ and end-to-end latency meters, with no case id in any series. */
class MetricsTest extends NotificationTestSupport {

	@LocalManagementPort
	private int managementPort;

	@Test
	void prometheusShowsEmailsDeadLettersAndLatencyPerLane() {
		String crisis = newCaseId();
		String routine = newCaseId();
		publish(Topics.CASES_CRISIS, crisis, json(triaged(crisis, true, RiskLevel.HIGH, Track.CBT,
				List.of(CrisisCategory.SELF_HARM), contact("Ada", null, false, "en", "GB", null))));
		publish(Topics.CASES_ROUTED, routine, json(triaged(routine, false, RiskLevel.LOW, Track.CBT, List.of(),
				contact("Ada", null, false, "en", "GB", null))));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mails(crisis).size() == 1 && mails(routine).size() == 1);

		String scrape = management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).containsPattern("notification_emails_total\\{[^}]*kind=\"staff_crisis\"[^}]*result=\"sent\"")
			.containsPattern("notification_emails_total\\{[^}]*kind=\"escalation\"[^}]*result=\"failed\"")
			.containsPattern("notification_dlq_records_total\\{[^}]*topic=\"cases-crisis\"")
			.containsPattern("notification_end_to_end_latency_seconds_bucket\\{[^}]*lane=\"crisis\"")
			.containsPattern("notification_end_to_end_latency_seconds_bucket\\{[^}]*lane=\"routine\"")
			.doesNotContain(crisis, routine, CANARY);
	}

	@Test
	void actuatorExposesOnlyHealthAndPrometheus() {
		management().get().uri("/actuator/health").exchange().expectStatus().isOk();
		for (String endpoint : List.of("env", "beans", "configprops", "loggers", "heapdump", "metrics")) {
			management().get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
		}
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
