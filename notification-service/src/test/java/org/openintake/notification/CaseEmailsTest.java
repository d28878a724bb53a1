package org.openintake.notification;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff and patient emails as they come out of real Kafka into a real SMTP server. */
class CaseEmailsTest extends NotificationTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void routineCaseGoesOnceToTheTrackMailboxWithTheMinimumNecessary() {
		String caseId = newCaseId();
		CaseTriaged event = triaged(caseId, false, RiskLevel.MODERATE, Track.TMS, List.of(),
				contact("Ada Lovelace", "ada@example.org", false, "en", "GB", null));

		publish(Topics.CASES_ROUTED, caseId, json(event));

		await().atMost(WAIT).until(() -> mails(caseId, "tms@clinic.local").size() == 1);
		MimeMessage mail = mails(caseId, "tms@clinic.local").get(0);
		assertThat(subject(mail)).isEqualTo("OpenIntake case " + caseId);
		assertThat(header(mail, "X-Priority")).isEmpty();
		assertThat(body(mail)).contains(caseId, "Suggested track: TMS", "Risk level: MODERATE",
				"Response target: within 24 hours", "Flag categories: none", "https://staff.test/cases/" + caseId);
		assertThat(body(mail)).doesNotContain(CANARY, "Ada", "ada@example.org", "7946", "moderately severe");
		assertThat(mails(caseId)).hasSize(1);
	}

	@Test
	void crisisCaseGoesToOnCallAtHighPriorityWithCallBackDetails() {
		String caseId = newCaseId();
		CaseTriaged event = triaged(caseId, true, RiskLevel.IMMINENT, Track.PSYCHIATRY,
				List.of(CrisisCategory.SUICIDE_PLAN, CrisisCategory.SUICIDAL_IDEATION_ACTIVE),
				contact("Ada\r\nBcc: attacker@evil.test\r\n<b>Lovelace</b>", "ada@example.org", false, "en", "GB",
						null));

		publish(Topics.CASES_CRISIS, caseId, json(event));

		await().atMost(WAIT).until(() -> mails(caseId, "crisis-oncall@clinic.local").size() == 1);
		MimeMessage mail = mails(caseId, "crisis-oncall@clinic.local").get(0);
		assertThat(subject(mail)).isEqualTo("URGENT: OpenIntake case " + caseId);
		assertThat(header(mail, "X-Priority")).startsWith("1");
		assertThat(header(mail, "Importance")).isEqualTo("high");
		String body = body(mail);
		assertThat(body).contains("Priority: URGENT", "Response target: call now", "Risk level: IMMINENT",
				"suicidal ideation active", "suicide plan", "Phone: +44 20 7946 0000", "Email: ada@example.org",
				"Prefers: phone", "https://staff.test/cases/" + caseId);
		// The name is on one line, without markup, and the CR/LF did not become a header.
		assertThat(body).contains("  Name: Ada Bcc: attacker@evil.test bLovelace/b\n");
		assertThat(header(mail, "Bcc")).isEmpty();
		assertThat(greenMail.getReceivedMessagesForDomain("evil.test")).isEmpty();
		assertThat(body).doesNotContain(CANARY, "moderately severe");
		assertThat(mails(caseId)).hasSize(1);
	}

	@Test
	void theSameEventTwiceStillSendsOneEmailPerRecipient() {
		String caseId = newCaseId();
		String sentinel = newCaseId();
		String event = json(triaged(caseId, false, RiskLevel.LOW, Track.CBT, List.of(),
				contact("Ada", "twice@example.org", true, "en", "GB", null)));
		double duplicatesBefore = emails("staff_routine", "duplicate");

		publish(Topics.CASES_ROUTED, caseId, event);
		publish(Topics.CASES_ROUTED, caseId, event);
		// Same key, same partition: once the sentinel is mailed, both copies have been handled.
		publish(Topics.CASES_ROUTED, caseId, json(triaged(sentinel, false, RiskLevel.LOW, Track.CBT, List.of(),
				contact("Sam", null, false, "en", "GB", null))));

		await().atMost(WAIT).until(() -> mails(sentinel, "cbt@clinic.local").size() == 1);
		assertThat(mails(caseId, "cbt@clinic.local")).hasSize(1);
		assertThat(mails(caseId, "twice@example.org")).hasSize(1);
		assertThat(mails(caseId)).hasSize(2);
		assertThat(emails("staff_routine", "duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
	}

	@Test
	void patientIsAcknowledgedInTheirLanguageWithTheirCountrysHelplines() {
		String caseId = newCaseId();
		publish(Topics.CASES_ROUTED, caseId, json(triaged(caseId, false, RiskLevel.LOW, Track.MBSR, List.of(),
				contact("Jörg", "joerg@example.de", true, "de", "DE", null))));

		await().atMost(WAIT).until(() -> mails(caseId, "joerg@example.de").size() == 1);
		MimeMessage ack = mails(caseId, "joerg@example.de").get(0);
		assertThat(subject(ack)).isEqualTo("Wir haben Ihre Anfrage erhalten (Referenz " + caseId + ")");
		assertThat(body(ack)).contains("Guten Tag Jörg,", caseId, "TelefonSeelsorge: 116 123", "0800 111 0 111",
				"112", "Rund um die Uhr");
		// Neutral: nothing about what triage decided.
		assertThat(body(ack)).doesNotContain("MBSR", "LOW", CANARY);
		assertThat(header(ack, "X-Priority")).isEmpty();
	}

	@Test
	void spanishPatientGetsSpanishAndTheSpanishCrisisLine() {
		String caseId = newCaseId();
		publish(Topics.CASES_CRISIS, caseId, json(triaged(caseId, true, RiskLevel.HIGH, Track.PSYCHIATRY,
				List.of(CrisisCategory.SELF_HARM), contact("Lucía", "lucia@example.es", true, "es", "ES", null))));

		await().atMost(WAIT).until(() -> mails(caseId, "lucia@example.es").size() == 1);
		MimeMessage ack = mails(caseId, "lucia@example.es").get(0);
		assertThat(subject(ack)).isEqualTo("Hemos recibido tu solicitud (referencia " + caseId + ")");
		assertThat(body(ack)).contains("Hola, Lucía:", "Línea 024", "024", "900 525 100", "112");
		assertThat(body(ack)).doesNotContain("URGENT", "self harm", "HIGH", CANARY);
		assertThat(mails(caseId, "crisis-oncall@clinic.local")).hasSize(1);
		assertThat(body(mails(caseId, "crisis-oncall@clinic.local").get(0))).contains("Response target: same day");
	}

	@Test
	void noAcknowledgementWithoutConsent() {
		String withoutConsent = newCaseId();
		String withConsent = newCaseId();
		publish(Topics.CASES_ROUTED, withoutConsent, json(triaged(withoutConsent, false, RiskLevel.NONE,
				Track.ADDICTION, List.of(), contact("Bo", "no-consent@example.org", false, "en", "GB", null))));
		// Same key, so the same partition: once the second case's ack is in, the first case is done.
		publish(Topics.CASES_ROUTED, withoutConsent, json(triaged(withConsent, false, RiskLevel.NONE,
				Track.ADDICTION, List.of(), contact("Cy", "consent@example.org", true, "en", "GB", null))));

		await().atMost(WAIT).until(() -> mails(withConsent, "consent@example.org").size() == 1);
		assertThat(mails(withoutConsent, "addiction@clinic.local")).hasSize(1);
		assertThat(mails(withoutConsent, "no-consent@example.org")).isEmpty();
		assertThat(mails(withoutConsent)).hasSize(1);
	}

	@Test
	void aFlagCategoryFromANewerTriageStillReachesOnCall() {
		String caseId = newCaseId();
		String event = json(triaged(caseId, true, RiskLevel.HIGH, Track.CBT, List.of(CrisisCategory.SELF_HARM),
				contact("Ada", null, false, "en", "GB", null)))
			.replace("\"SELF_HARM\"", "\"A_CATEGORY_ADDED_LATER\"");

		publish(Topics.CASES_CRISIS, caseId, event);

		await().atMost(WAIT).until(() -> mails(caseId, "crisis-oncall@clinic.local").size() == 1);
		assertThat(body(mails(caseId, "crisis-oncall@clinic.local").get(0))).contains("Flag categories: other",
				"Response target: same day");
	}

	@Test
	void malformedCountryAndLocaleStillGetTheCaseThroughWithTheFallbackHelplines() {
		String caseId = newCaseId();
		publish(Topics.CASES_ROUTED, caseId, json(triaged(caseId, false, RiskLevel.LOW, Track.MBSR, List.of(),
				contact("Ada", "odd@example.org", true, "english", "GBR", "not-a-hash"))));

		await().atMost(WAIT).until(() -> mails(caseId, "odd@example.org").size() == 1);
		assertThat(mails(caseId, "mbsr@clinic.local")).hasSize(1);
		assertThat(body(mails(caseId, "odd@example.org").get(0))).contains("Hello Ada,", "112",
				"https://findahelpline.com");
	}

	@Test
	void generalAssessmentMailboxUsesAHyphen() {
		String caseId = newCaseId();
		publish(Topics.CASES_ROUTED, caseId, json(triaged(caseId, false, RiskLevel.NONE, Track.GENERAL_ASSESSMENT,
				List.of(), contact("Di", null, true, "it", "IT", null))));

		await().atMost(WAIT).until(() -> mails(caseId, "general-assessment@clinic.local").size() == 1);
		assertThat(mails(caseId)).hasSize(1);
	}

}
