package org.openintake.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's retry that a load balancer sends to another intake-service instance: the same
 * receipt from both, and one case all the way through, down to one staff email.
 */
@ExtendWith(SharedStack.class)
class IdempotencyAcrossInstancesTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	private static SpringService secondIntake;

	private static Mailboxes mail;

	@BeforeAll
	static void secondIntakeInstance(LocalStack shared) {
		stack = shared;
		mail = new Mailboxes(shared);
		// clear of every port the stack uses (its services are on intake, intake + 1, intake + 2)
		secondIntake = shared.startIntakeInstance(shared.ports().intake() + 10);
	}

	@Test
	void aRetryOnTheOtherInstanceIsTheSameCaseAndOneStaffEmail() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = Intakes.routine("Low mood since the move. " + key);

		HttpResponse<String> first = post(stack.intake().url(), body, key);
		HttpResponse<String> retry = post(secondIntake.url(), body, key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
		JsonNode receipt = json.readTree(first.body());
		assertThat(json.readTree(retry.body())).as("the same case and receipt token").isEqualTo(receipt);

		String caseId = receipt.get("caseId").asString();
		mail.awaitMessageAbout("cbt@clinic.local", caseId);
		// both events have been through the pipeline once the mail count stops moving
		mail.settledTotal();
		List<JsonNode> about = mail.allAbout(caseId);
		assertThat(about).as("one staff email for the case, though two events carried it").hasSize(1);
	}

	@Test
	void differentFormsUnderOneKeyOnTwoInstancesAreTwoCasesAndTwoEmails() throws Exception {
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = post(stack.intake().url(), Intakes.routine("First form. " + key), key);
		HttpResponse<String> second = post(secondIntake.url(), Intakes.routine("Second form. " + key), key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
		String firstCase = json.readTree(first.body()).get("caseId").asString();
		String secondCase = json.readTree(second.body()).get("caseId").asString();
		assertThat(secondCase).isNotEqualTo(firstCase);
		mail.awaitMessageAbout("cbt@clinic.local", firstCase);
		mail.awaitMessageAbout("cbt@clinic.local", secondCase);
	}

	private static HttpResponse<String> post(String baseUrl, String body, String key) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/intakes"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
