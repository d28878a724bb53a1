package org.openintake.triage.playground;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Off by default: its answers quote what was typed, so the path must not exist unless enabled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.cloud.stream.bindings.triage-in-0.consumer.auto-startup=false" })
@AutoConfigureWebTestClient
class AssessmentPlaygroundDisabledTest {

	@Autowired
	WebTestClient http;

	@Test
	void thePlaygroundIsNotFoundUnlessEnabled() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "I want to die.", "locale", "en"))
			.exchange()
			.expectStatus().isNotFound();
	}

}
