package org.openintake.triage;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service exposes with its default configuration: no playground (its answers quote what
 * was typed), and on the management port only health and the Prometheus scrape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.cloud.stream.bindings.triage-in-0.consumer.auto-startup=false" })
@AutoConfigureWebTestClient
class ServiceSurfaceTest {

	@Autowired
	WebTestClient http;

	@LocalManagementPort
	int managementPort;

	@Test
	void thePlaygroundIsNotFoundUnlessEnabled() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "I want to die.", "locale", "en"))
			.exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void theManagementPortServesHealthAndPrometheusOnly() {
		// health asks the Kafka binder about every consumer; on a busy machine that can take longer
		// than the client's default 5 s
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = management.get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(scrape).contains("jvm_memory_used_bytes")
			// Registered at zero before the first poison record, so the DLQ alert has a series.
			.containsPattern("triage_dlq_records_total\\{[^}]*reason=\"not-json\"[^}]*\\} 0\\.0");
		management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		management.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
		http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

}
