package org.openintake.intake.submission;

import java.net.InetSocketAddress;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions per client address are limited (here 3 per hour, so nothing refills during the
 * test). Clients are told apart by their source address: the test connects from different
 * loopback addresses (127.0.0.x) to the service on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0",
				"intake.rate-limit.capacity=3", "intake.rate-limit.period=1h",
				"intake.links.notification-base-url=" + IntakeServiceTest.NOTIFICATION_ABSENT })
@ExtendWith(OutputCaptureExtension.class)
class RateLimitTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static IntakeTopic topic;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void openTopic() {
		topic = new IntakeTopic(System.getProperty("spring.embedded.kafka.brokers"));
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	/** A client whose connections come from {@code sourceAddress}. */
	WebTestClient clientFrom(String sourceAddress) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(sourceAddress, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port).build();
	}

	WebTestClient.ResponseSpec submit(WebTestClient client, String body) {
		return client.post().uri("/api/intakes").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	@Test
	void aClientOverItsAllowanceGets429WithRetryAfterAndNothingIsPublished(CapturedOutput output) throws Exception {
		WebTestClient client = clientFrom("127.0.0.11");
		String body = IntakeApiTest.validBody().toString();
		for (int i = 0; i < 3; i++) {
			submit(client, body).expectStatus().isAccepted();
		}
		long before = topic.size();
		double limitedBefore = count("rate_limited");
		double acceptedBefore = count("accepted");

		EntityExchangeResult<byte[]> result = submit(client, body).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();
		// an invalid body is counted too: a flood of garbage costs the client as much as a flood of forms
		submit(client, "{}").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		submit(client, Canary.form().toString()).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		long retryAfter = Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"));
		assertThat(retryAfter).as("one submission refills in an hour / 3").isBetween(1100L, 1200L);
		JsonNode problem = json.readTree(result.getResponseBodyContent());
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.has("caseId")).isFalse();
		assertThat(topic.size()).as("nothing published").isEqualTo(before);
		assertThat(count("rate_limited")).isEqualTo(limitedBefore + 3);
		assertThat(output.getAll()).as("no health data logged on refusal").doesNotContainIgnoringCase(Canary.TEXT);
		assertThat(count("accepted")).isEqualTo(acceptedBefore);
	}

	@Test
	void anotherClientAddressHasItsOwnAllowance() throws Exception {
		String body = IntakeApiTest.validBody().toString();
		WebTestClient busy = clientFrom("127.0.0.21");
		for (int i = 0; i < 3; i++) {
			submit(busy, body).expectStatus().isAccepted();
		}
		submit(busy, body).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		submit(clientFrom("127.0.0.22"), body).expectStatus().isAccepted();
	}

	private double count(String outcome) {
		return meters.get("intake.submissions").tag("outcome", outcome).counter().count();
	}

}
