package org.openintake.casework;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseActivity;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crisis case nobody acknowledges escalates on its deadline (3 s here), step 1 then repeats, each
 * on the timeline and on case-activity for notification-service to email; acknowledging stops it.
 */
class EscalationTest extends CaseworkTest {

	@Test
	void anUnacknowledgedCrisisCaseEscalatesInStepsUntilAPersonAcknowledgesIt() {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.CASES_CRISIS, caseId,
				CaseEvents.crisis(caseId, RiskLevel.IMMINENT, CaseEvents.CRISIS_WORDS, "Escalation Person"));
		awaitCase(caseId, false);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select escalation_step from staff_case where case_id = ?", caseId) >= 2);
		StaffBrowser onCall = browser();
		StaffBrowser.Page page = onCall.signIn("/staff/cases/" + caseId, "oncall");
		assertThat(page.text()).contains("ESCALATED").contains("step 1").contains("step 2");
		StaffBrowser.Page acknowledged = onCall.submit("/acknowledge", Map.of());
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.text()).contains("Acknowledged by Test oncall");
		int stepsAtAcknowledgement = count("select escalation_step from staff_case where case_id = ?", caseId);

		// two more repeat intervals pass: nothing more
		await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(8)).until(() -> true);
		assertThat(count("select escalation_step from staff_case where case_id = ?", caseId))
			.isEqualTo(stepsAtAcknowledgement);

		List<CaseActivity> events = activity(caseId);
		List<CaseActivity> overdue = events.stream()
			.filter(e -> e.type() == CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE)
			.toList();
		assertThat(overdue).extracting(CaseActivity::escalationStep)
			.startsWith(1, 2)
			.hasSize(stepsAtAcknowledgement)
			.isSorted();
		assertThat(overdue).allSatisfy(e -> {
			assertThat(e.actor()).isEqualTo(CaseActivity.SYSTEM);
			assertThat(e.riskLevel()).isEqualTo(RiskLevel.IMMINENT);
			assertThat(e.acknowledgementDueAt()).isNotNull();
		});
		CaseActivity last = events.get(events.size() - 1);
		assertThat(last.type()).isEqualTo(CaseActivity.Type.ACKNOWLEDGED);
		assertThat(last.actor()).isEqualTo("oncall");
	}

	@Test
	void theCrisisGaugesCountUnacknowledgedAndOverdueCases() throws Exception {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.CASES_CRISIS, caseId,
				CaseEvents.crisis(caseId, RiskLevel.HIGH, CaseEvents.CRISIS_WORDS, "Gauge Person"));
		awaitCase(caseId, false);
		var http = java.net.http.HttpClient.newHttpClient();
		var scrape = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/prometheus"))
			.build();
		String[] lastScrape = { "" };
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				lastScrape[0] = http.send(scrape, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
				return gauge(lastScrape[0], "casework_crisis_acknowledgement_overdue") >= 1
						&& gauge(lastScrape[0], "casework_crisis_unacknowledged_oldest_seconds") >= 3;
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("gauges not as expected; scrape had: " + lastScrape[0].lines()
				.filter(line -> line.startsWith("casework_crisis"))
				.toList() + " " + lastScrape[0].length(), ex);
		}
		String body = http.send(scrape, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		assertThat(body).doesNotContain(caseId).doesNotContain("Gauge Person");
	}

	private static double gauge(String body, String name) {
		return body.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.max()
			.orElse(-1);
	}

}
