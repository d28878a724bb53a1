package org.openintake.intake.submission;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openintake.intake.KafkaDownServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Kafka cannot take a submission the client is told to retry (503 + Retry-After), never given
 * a receipt for a case that does not exist. The broker address here is a port nobody listens on.
 */
@KafkaDownServiceTest
@ExtendWith(OutputCaptureExtension.class)
class KafkaUnavailableTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSubmissionKafkaCannotTakeGets503WithRetryAfterAndNoReceipt(CapturedOutput output) throws Exception {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		String body = Canary.form().toString();
		String key = UUID.randomUUID().toString();
		double unavailableBefore = count("unavailable");
		double acceptedBefore = count("accepted");

		for (int attempt = 0; attempt < 2; attempt++) {
			EntityExchangeResult<byte[]> result = client.post()
				.uri("/api/intakes")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "7")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.returnResult();
			JsonNode problem = json.readTree(result.getResponseBodyContent());
			assertThat(problem.get("status").asInt()).isEqualTo(503);
			assertThat(problem.has("caseId")).isFalse();
			assertThat(problem.has("receiptToken")).isFalse();
		}

		assertThat(count("unavailable")).isEqualTo(unavailableBefore + 2);
		assertThat(count("accepted")).isEqualTo(acceptedBefore);
		assertThat(output.getAll()).as("no health data in any log line, though the producer failed on it")
			.doesNotContainIgnoringCase(Canary.TEXT);
	}

	private double count(String outcome) {
		return meters.get("intake.submissions").tag("outcome", outcome).counter().count();
	}

}
