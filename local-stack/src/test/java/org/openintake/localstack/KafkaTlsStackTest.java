package org.openintake.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The whole pipeline with Kafka over TLS only, configured as the README tells a deployment
 * ({@code spring.kafka.security.protocol=SSL} and the broker's CA as trust store, nothing else):
 * a stack of its own, started by the launcher's {@code --kafka-tls}.
 */
class KafkaTlsStackTest {

	/** Clear of the shared stack (100), the benchmark (300) and the fault suite (400). */
	static final String PORT_OFFSET_PROPERTY = "localstack.test.tls-port-offset";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	@BeforeAll
	static void startStackWithKafkaOverTls() {
		Ports ports = Ports.withOffset(Integer.getInteger(PORT_OFFSET_PROPERTY, 150));
		stack = new LocalStack(ports, StackHome.locate().target().resolve("tls-run"), List.of(), true);
		stack.start();
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void routineAndCrisisCasesReachStaffThroughKafkaOverTls() throws Exception {
		String routine = submit(Intakes.routine());
		String crisis = submit(Intakes.crisis());

		Mailboxes mail = new Mailboxes(stack);
		mail.awaitMessageAbout("cbt@clinic.local", routine);
		mail.awaitMessageAbout("crisis-oncall@clinic.local", crisis);
	}

	@Test
	void aPlainTextClientGetsNowhere() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.ports().bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		try (Admin admin = Admin.create(config)) {
			Throwable failure = catchThrowable(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS));
			assertThat(failure).isInstanceOfAny(ExecutionException.class, TimeoutException.class);
		}
	}

	private static String submit(String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("caseId").asString();
	}

}
