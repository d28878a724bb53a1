package org.openintake.intake.submission;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Kafka cannot take a submission the client is told to retry (503 + Retry-After), never given
 * a receipt for a case that does not exist. The broker address here is a port nobody listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.kafka.admin.auto-create=false",
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.request.timeout.ms=800",
				"spring.kafka.producer.properties.delivery.timeout.ms=1000", "intake.retry-after=7s" })
@ExtendWith(OutputCaptureExtension.class)
class KafkaUnavailableTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void closedBroker(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSubmissionKafkaCannotTakeGets503WithRetryAfterAndNoReceipt(CapturedOutput output) throws Exception {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		String body = IntakeApiTest.validBody().toString();
		String key = UUID.randomUUID().toString();

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

		assertThat(meters.get("intake.submissions").tag("outcome", "unavailable").counter().count()).isEqualTo(2);
		assertThat(meters.get("intake.submissions").tag("outcome", "accepted").counter().count()).isZero();
		assertThat(output.getAll()).as("no health data in any log line")
			.doesNotContain("I sleep badly")
			.doesNotContain("ada@example.org");
	}

}
