package org.openintake.intake.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Two intake-service instances behind an imagined load balancer, sharing the embedded broker and
 * the idempotency secret: a retry that lands on the other instance is the same case there.
 */
class IdempotencyAcrossInstancesTest {

	private static final String SHARED_SECRET = "a-deployment-wide-secret-of-at-least-32-chars";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static IntakeTopic topic;

	@BeforeAll
	static void startTwoInstances() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		first = start(brokers, "--intake.idempotency.secret=" + SHARED_SECRET);
		second = start(brokers, "--intake.idempotency.secret=" + SHARED_SECRET);
		topic = new IntakeTopic(brokers);
	}

	private static ConfigurableApplicationContext start(String brokers, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers, "--intake.rate-limit.enabled=false",
				"--intake.links.notification-base-url=" + IntakeServiceTest.NOTIFICATION_ABSENT));
		args.addAll(List.of(more));
		return StandaloneIntake.start(args.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		topic.close();
		second.close();
		first.close();
	}

	@Test
	void aRetryOnTheOtherInstanceGetsTheSameReceiptAndPublishesTheSameIdentity() throws Exception {
		String key = UUID.randomUUID().toString();
		ObjectNode form = IntakeApiTest.validBody();

		HttpResponse<String> onFirst = post(first, form.toString(), key);
		// the retry's body is formatted differently: it is the same form
		HttpResponse<String> onSecond = post(second, json.writerWithDefaultPrettyPrinter().writeValueAsString(form), key);

		assertThat(onFirst.statusCode()).isEqualTo(202);
		assertThat(onSecond.statusCode()).isEqualTo(202);
		JsonNode receipt = json.readTree(onFirst.body());
		assertThat(json.readTree(onSecond.body())).as("same case, same token").isEqualTo(receipt);

		// the second instance could not know the first had published: the same event goes out
		// again, under the same key and identity, and downstream dedupes it by case
		List<ConsumerRecord<String, String>> records = topic.withKey(receipt.get("caseId").asString());
		assertThat(records).hasSize(2);
		JsonNode a = json.readTree(records.get(0).value());
		JsonNode b = json.readTree(records.get(1).value());
		assertThat(b.get("eventId")).isEqualTo(a.get("eventId"));
		assertThat(b.get("receiptTokenHash")).isEqualTo(a.get("receiptTokenHash"));
		assertThat(a.get("receiptTokenHash").asString())
			.isEqualTo(IntakeApiTest.sha256Hex(receipt.get("receiptToken").asString()));
		assertThat(b.get("form")).isEqualTo(a.get("form"));
	}

	@Test
	void twoDifferentFormsUnderOneKeyOnTwoInstancesStayTwoCases() throws Exception {
		String key = UUID.randomUUID().toString();
		ObjectNode other = IntakeApiTest.validBody();
		((ArrayNode) other.at("/questionnaires/phq9")).set(0, 3);

		HttpResponse<String> onFirst = post(first, IntakeApiTest.validBody().toString(), key);
		HttpResponse<String> onSecond = post(second, other.toString(), key);

		assertThat(onFirst.statusCode()).isEqualTo(202);
		assertThat(onSecond.statusCode()).isEqualTo(202);
		String firstCase = json.readTree(onFirst.body()).get("caseId").asString();
		String secondCase = json.readTree(onSecond.body()).get("caseId").asString();
		assertThat(secondCase).as("neither form may swallow the other").isNotEqualTo(firstCase);
		assertThat(topic.withKey(firstCase)).hasSize(1);
		assertThat(topic.withKey(secondCase)).hasSize(1);
	}

	@Test
	void aSecretTooShortStopsTheInstanceFromStartingWithAClearReason() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		Throwable failure = catchThrowable(
				() -> start(brokers, "--intake.idempotency.secret=short").close());

		assertThat(failure).isNotNull();
		assertThat(rootCause(failure)).hasMessageContaining("intake.idempotency.secret must be at least 32 characters");
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String body, String key)
			throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + "/api/intakes");
		return http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
