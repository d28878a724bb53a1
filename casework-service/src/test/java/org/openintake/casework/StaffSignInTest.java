package org.openintake.casework;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member follows the email's link, signs in at the clinic's provider, lands on the case,
 * and sees only what their roles allow; a case outside them needs break-glass, which the lead sees.
 */
class StaffSignInTest extends CaseworkTest {

	@Test
	void theEmailLinkLeadsThroughSignInStraightToTheCaseWithItsCrisisWordsHighlighted() {
		String caseId = CaseEvents.newCaseId();
		String concerns = "Work is hard. " + CaseEvents.CRISIS_WORDS + ", and nobody knows.";
		publish(Topics.INTAKE_SUBMISSIONS, caseId, CaseEvents.submitted(caseId, "Ada Lovelace", concerns));
		publish(Topics.CASES_CRISIS, caseId, CaseEvents.crisis(caseId, RiskLevel.IMMINENT, concerns, "Ada Lovelace"));
		awaitCase(caseId, true);

		StaffBrowser onCall = browser();
		StaffBrowser.Page page = onCall.signIn("/staff/cases/" + caseId, "oncall");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/staff/cases/" + caseId);
		Document doc = page.document();
		assertThat(doc.select("a[href^=tel:]").text()).isEqualTo("+44 20 7946 0000");
		assertThat(doc.select("a[href^=mailto:]").text()).isEqualTo("ada.lovelace@example.org");
		Element mark = doc.selectFirst("mark.current");
		assertThat(mark).isNotNull();
		assertThat(mark.text()).isEqualTo("a plan to end my life");
		assertThat(mark.nextElementSibling().text()).contains("suicide plan").contains("en.plan.have-plan");
		assertThat(doc.select(".words").first().text()).startsWith("Work is hard. I have a plan to end my life");
		assertThat(page.text()).contains("Nobody has acknowledged this case yet");
		// on the timeline once, however often it is opened; every opening is in the audit log
		onCall.open("/staff/cases/" + caseId);
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'VIEWED'", caseId)).isEqualTo(1);
		assertThat(count("select count(*) from audit_log where case_id = ? and action = 'VIEW_CASE'", caseId)).isEqualTo(2);
		assertThat(page.body()).doesNotContain("<script>");
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndTheSessionCookieIsHttpOnly() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + PORT + "/signed-out"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("default-src 'none'")
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline"));
		assertThat(response.headers().firstValue("X-Frame-Options")).isPresent();
	}

	@Test
	void aCbtClinicianCannotOpenATmsOrCrisisCaseUntilBreakGlassWithAReasonAndTheLeadSeesIt() {
		String tmsCase = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, tmsCase, CaseEvents.routine(tmsCase, Track.TMS, "Grace Hopper"));
		String crisisCase = CaseEvents.newCaseId();
		publish(Topics.CASES_CRISIS, crisisCase,
				CaseEvents.crisis(crisisCase, RiskLevel.HIGH, CaseEvents.CRISIS_WORDS, "Alan Turing"));
		String cbtCase = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, cbtCase, CaseEvents.routine(cbtCase, Track.CBT, "Edsger Dijkstra"));
		awaitCase(tmsCase, false);
		awaitCase(crisisCase, false);
		awaitCase(cbtCase, false);

		StaffBrowser cbt = browser();
		assertThat(cbt.signIn("/staff/cases/" + cbtCase, "cbt").status()).isEqualTo(200);

		StaffBrowser.Page denied = cbt.open("/staff/cases/" + tmsCase);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.text()).contains("outside your scope").doesNotContain("Grace Hopper");
		assertThat(cbt.open("/staff/cases/" + crisisCase).status()).isEqualTo(403);

		// the inbox lists only what the role allows
		StaffBrowser.Page inbox = cbt.open("/staff/cases");
		assertThat(inbox.text()).contains("Edsger Dijkstra").doesNotContain("Grace Hopper").doesNotContain("Alan Turing");

		// a reason too short to say anything is refused
		cbt.open("/staff/cases/" + tmsCase);
		StaffBrowser.Page refused = cbt.submit("/break-glass", Map.of("reason", "need"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text()).contains("State why you need this case");

		StaffBrowser.Page opened = cbt.submit("/break-glass",
				Map.of("reason", "On-call unreachable, patient rang the front desk asking for a call back"));
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.uri().getPath()).isEqualTo("/staff/cases/" + tmsCase);
		assertThat(opened.text()).contains("Grace Hopper").contains("BREAK GLASS");

		StaffBrowser lead = browser();
		StaffBrowser.Page audit = lead.signIn("/staff/audit?caseId=" + tmsCase, "lead");
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.document().select("header.top").text()).contains("Test lead").contains("Sign out");
		assertThat(audit.document().select("tr.attention").text()).contains("Test cbt")
			.contains("DENIED")
			.contains("BREAK GLASS")
			.contains("On-call unreachable");
		assertThat(count("select count(*) from audit_log where case_id = ? and actor = 'cbt' and outcome = 'DENIED'",
				crisisCase)).isEqualTo(1);

		// the audit log is for leads only
		assertThat(cbt.open("/staff/audit").status()).isEqualTo(403);
	}

	@Test
	void aPersonWithoutACaseworkGroupSignsInButSeesNoCase() {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, caseId, CaseEvents.routine(caseId, Track.CBT, "Barbara Liskov"));
		awaitCase(caseId, false);
		StaffBrowser nobody = browser();
		StaffBrowser.Page inbox = nobody.signIn("/staff/cases", "nobody");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.text()).contains("no casework role").doesNotContain("Barbara Liskov");
		assertThat(nobody.open("/staff/cases/" + caseId).status()).isEqualTo(403);
	}

	@Test
	void aForgedCaseIdIsNotFoundAndAudited() {
		StaffBrowser lead = browser();
		StaffBrowser.Page page = lead.signIn("/staff/cases/does-not-exist-123", "lead");
		assertThat(page.status()).isEqualTo(404);
		assertThat(count("select count(*) from audit_log where case_id = 'does-not-exist-123' and outcome = 'NOT_FOUND'"))
			.isEqualTo(1);
		// a malformed id is refused before any query (the firewall or the id pattern)
		assertThat(lead.open("/staff/cases/%27%3B%20drop").status()).isIn(400, 404);
	}

}
