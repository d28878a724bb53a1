package org.openintake.notification;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/cases/{caseId}/outcome}: only the holder of the receipt token learns anything. */
@AutoConfigureWebTestClient
class CaseOutcomeApiTest extends NotificationTestSupport {

	@Autowired
	private WebTestClient web;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void followsACaseFromReceivedToNotifiedWithTheRightToken() {
		String caseId = newCaseId();
		String token = "receipt-" + newCaseId();
		// a crisis case: intake sent it on the lane at the door
		publish(Topics.INTAKE_PRIORITY, caseId, submission(caseId, sha256Hex(token), "GB", "en"));

		await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId, token).contains("\"RECEIVED\""));
		this.web.get()
			.uri("/api/cases/{id}/outcome", caseId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.status").isEqualTo("RECEIVED")
			.jsonPath("$.crisis").isEqualTo(false)
			.jsonPath("$.helplines.country").isEqualTo("GB")
			.jsonPath("$.helplines.lines[0].number").isEqualTo("116 123");

		publish(Topics.CASES_CRISIS, caseId, json(triaged(caseId, true, RiskLevel.HIGH, Track.PSYCHIATRY,
				List.of(CrisisCategory.SELF_HARM), contact("Ada", null, false, "en", "GB", sha256Hex(token)))));

		await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId, token).contains("\"NOTIFIED\""));
		this.web.get()
			.uri("/api/cases/{id}/outcome", caseId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("NOTIFIED")
			.jsonPath("$.crisis").isEqualTo(true)
			.jsonPath("$.helplines.emergency[0].number").isEqualTo("999");
		assertThat(mails(caseId, "crisis-oncall@clinic.local")).hasSize(1);
	}

	@Test
	void theIntakeEventLeavesNoAnswersOrFreeTextBehind() {
		String caseId = newCaseId();
		String token = "receipt-" + newCaseId();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, submission(caseId, sha256Hex(token), "ES", "es"));

		await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId, token).contains("\"RECEIVED\""));
		String everything = this.jdbc.sql("SELECT * FROM case_status WHERE case_id = ?")
			.param(caseId)
			.query()
			.listOfRows()
			.toString();
		assertThat(everything).contains(caseId, "ES", "es").doesNotContain(CANARY, "Ada", "ada@example.org");
	}

	@Test
	void aPoisonSubmissionIsSkippedWithoutBlockingTheCasesBehindIt() {
		String caseId = newCaseId();
		String token = "receipt-" + newCaseId();
		double skipped = skippedReceipts();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, "{\"caseId\": \"" + caseId + "\", \"form\": [");
		publish(Topics.INTAKE_SUBMISSIONS, caseId, submission(caseId, sha256Hex(token), "IT", "it"));

		await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId, token).contains("\"RECEIVED\""));
		assertThat(skippedReceipts()).isEqualTo(skipped + 1);
	}

	private double skippedReceipts() {
		var counter = this.meters.find("notification.receipts.skipped").tag("reason", "unreadable-record").counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void wrongTokenMissingTokenAndUnknownCaseAreTheSame404() {
		String caseId = newCaseId();
		String token = "receipt-" + newCaseId();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, submission(caseId, sha256Hex(token), "FR", "fr"));
		await().atMost(Duration.ofSeconds(60)).until(() -> status(caseId, token).contains("\"RECEIVED\""));

		String wrongToken = notFound(caseId, "Bearer not-the-token");
		String noToken = notFound(caseId, null);
		String notBearer = notFound(caseId, "Basic " + token);
		String unknownCase = notFound(newCaseId(), "Bearer " + token);

		assertThat(wrongToken).isEqualTo(unknownCase).isEqualTo(noToken).isEqualTo(notBearer);
		assertThat(unknownCase).doesNotContain(caseId);
	}

	private String notFound(String caseId, String authorization) {
		WebTestClient.RequestHeadersSpec<?> request = this.web.get().uri("/api/cases/{id}/outcome", caseId);
		if (authorization != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		byte[] body = request.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		// The instance names the path; everything else must be identical.
		return new String(body).replaceAll("\"instance\":\"[^\"]*\"", "");
	}

	private String status(String caseId, String token) {
		byte[] body = this.web.get()
			.uri("/api/cases/{id}/outcome", caseId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return (body != null) ? new String(body) : "";
	}

	/** An IntakeSubmitted as intake-service writes it, answers and free text included. */
	private static String submission(String caseId, String tokenHash, String country, String locale) {
		return """
				{"eventId":"%s","caseId":"%s","occurredAt":"2026-11-21T23:00:00Z","schemaVersion":1,
				 "receiptTokenHash":"%s",
				 "form":{"locale":"%s","country":"%s",
				   "patient":{"name":"Ada","email":"ada@example.org","phone":"+44 20 7946 0000","preferredContact":"phone"},
				   "consent":{"processing":true,"contact":true},
				   "questionnaires":{"phq9":[1,2,1,2,1,1,1,0,0],"gad7":[1,1,2,1,0,1,1],
				     "cssrs":{"wishDead":false,"suicidalThoughts":false,"behavior":false}},
				   "answers":{"concerns":"%s","history":"%s","goals":"%s"}}}
				""".formatted(newCaseId(), caseId, tokenHash, locale, country, CANARY, CANARY, CANARY);
	}

}
