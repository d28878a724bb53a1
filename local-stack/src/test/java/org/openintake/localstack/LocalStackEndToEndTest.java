package org.openintake.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as a clinic runs it: the real jars, a real Kafka broker process and a real
 * SMTP server, started by the same launcher as the README's run command ({@link SharedStack}).
 * Mail is read the way a newcomer reads it, through GreenMail's REST API.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Free text we can look for: it must never appear in any email. */
	private static final String CANARY = "canary-" + UUID.randomUUID();

	private static LocalStack stack;

	private static Mailboxes mail;

	@BeforeAll
	static void connect(LocalStack shared) {
		stack = shared;
		mail = new Mailboxes(shared);
	}

	@Test
	@Order(1)
	void aRoutineIntakeReachesTheTrackMailboxWithoutItsFreeText() throws Exception {
		JsonNode receipt = submit(routineIntake(), 202);
		String caseId = receipt.get("caseId").asString();
		assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");

		JsonNode email = mail.awaitMessageAbout("cbt@clinic.local", caseId);
		String raw = email.get("mimeMessage").asString();
		assertThat(raw).contains(caseId).doesNotContain(CANARY);
		// the link goes to casework-service's case page, on this stack's port
		assertThat(raw).contains(stack.ports().caseLinkBaseUrl() + "/");
		assertThat(email.get("subject").asString()).doesNotContainIgnoringCase("depress");

		JsonNode outcome = outcome(caseId, receipt.get("receiptToken").asString(), 200);
		assertThat(outcome.get("crisis").asBoolean()).isFalse();
	}

	@Test
	@Order(2)
	void aCrisisIntakeReachesOnCallAndOnlyTheRightTokenSeesIt() throws Exception {
		JsonNode receipt = submit(crisisIntake(), 202);
		String caseId = receipt.get("caseId").asString();

		JsonNode email = mail.awaitMessageAbout("crisis-oncall@clinic.local", caseId);
		assertThat(email.get("mimeMessage").asString()).doesNotContain(CANARY).doesNotContain("kill myself");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode outcome = outcome(caseId, receipt.get("receiptToken").asString(), 200);
			assertThat(outcome.get("crisis").asBoolean()).isTrue();
			assertThat(outcome.get("status").asString()).isEqualTo("NOTIFIED");
		});
		outcome(caseId, "not-the-token", 404);
		outcome(UUID.randomUUID().toString(), receipt.get("receiptToken").asString(), 404);
	}

	@Test
	@Order(3)
	void withTheBrokerDownASubmissionGets503AndNeverBecomesAnEmail() throws Exception {
		int mailBefore = mail.settledTotal();
		stack.kafka().stop();
		try {
			HttpResponse<String> response = post(routineIntake());
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		finally {
			// later tests and test classes share this stack: they need the broker back
			stack.kafka().start();
		}
		// The pipeline recovers: a new case goes all the way through ...
		JsonNode receipt = submit(routineIntake(), 202);
		mail.awaitMessageAbout("cbt@clinic.local", receipt.get("caseId").asString());
		// ... and the refused one never turned into an email (a staff mail and no more).
		assertThat(mail.total()).isEqualTo(mailBefore + 1);
	}

	private static String routineIntake() {
		return Intakes.routine("Low mood and poor sleep since the winter. " + CANARY);
	}

	private static String crisisIntake() {
		return Intakes.crisis("I want to kill myself. " + CANARY);
	}

	private static JsonNode submit(String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode outcome(String caseId, String token, int expectedStatus) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(stack.notification().url() + "/api/cases/" + caseId + "/outcome"))
			.header("Authorization", "Bearer " + token)
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

}
