package org.openintake.casework;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.openintake.casework.fhir.R4Conformance;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case leaves as FHIR R4 for the clinic's own record system: signed in, within the person's
 * scope, audited, and every Bundle valid against R4's base definitions with every reference
 * inside it (see {@link R4Conformance} for what is checked, and why not by hapi-fhir-validation).
 */
class FhirExportTest extends CaseworkTest {

	@Test
	void aRoutineCaseExportsAsAValidBundleWithTheCodesAndTheWorkItemAReceivingSystemNeeds() {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, CaseEvents.submitted(caseId, "Frances Allen", "Low mood for two years."));
		publish(Topics.CASES_ROUTED, caseId, CaseEvents.routine(caseId, Track.CBT, "Frances Allen"));
		awaitCase(caseId, true);
		StaffBrowser cbt = browser();
		cbt.signIn("/staff/cases/" + caseId, "cbt");
		cbt.submit("/claim", Map.of());

		StaffBrowser lead = browser();
		StaffBrowser.Page casePage = lead.signIn("/staff/cases/" + caseId, "lead");
		assertThat(casePage.document().select("a.export").attr("href")).isEqualTo("/fhir/cases/" + caseId);
		StaffBrowser.Page export = lead.open("/fhir/cases/" + caseId);

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("application/fhir+json");
		assertThat(export.header("Cache-Control")).contains("no-store");
		assertThat(R4Conformance.errors(export.body())).isEmpty();
		Bundle bundle = R4Conformance.parse(export.body());
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
		assertThat(bundle.getIdentifier().getValue()).isEqualTo(caseId);

		Patient patient = one(bundle, Patient.class);
		assertThat(patient.getNameFirstRep().getText()).isEqualTo("Frances Allen");
		assertThat(patient.getTelecom()).extracting(point -> point.getValue())
			.containsExactly("+44 20 7946 0000", "frances.allen@example.org");
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1990-01-31");
		assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("en");
		assertThat(patient.getAddressFirstRep().getCountry()).isEqualTo("GB");

		// PHQ-9 and GAD-7 under their LOINC codes, with LOINC's answers; one response per instrument
		assertThat(all(bundle, Questionnaire.class)).flatExtracting(Questionnaire::getCode)
			.extracting(Coding::getSystem, Coding::getCode)
			.contains(org.assertj.core.groups.Tuple.tuple("http://loinc.org", "44249-1"),
					org.assertj.core.groups.Tuple.tuple("http://loinc.org", "69737-5"));
		QuestionnaireResponse phq9 = response(bundle, "phq-9");
		assertThat(phq9.getItem()).extracting(item -> item.getLinkId()).startsWith("phq9.1", "phq9.2");
		assertThat(phq9.getItem().get(1).getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("LA6570-1");
		assertThat(phq9.getItem()).filteredOn(item -> item.getLinkId().equals("phq9.total"))
			.singleElement()
			.satisfies(item -> assertThat(item.getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(9));
		assertThat(response(bundle, "intake-answers").getItem()).filteredOn(item -> item.getLinkId().equals("answers.concerns"))
			.singleElement()
			.satisfies(item -> assertThat(item.getAnswerFirstRep().getValueStringType().getValue())
				.isEqualTo("Low mood for two years."));

		ServiceRequest request = one(bundle, ServiceRequest.class);
		assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.ROUTINE);
		assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("CBT");
		assertThat(request.getCode().getText()).contains("Cognitive behavioural therapy");
		assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("PHQ-9 of 9 is mild.");

		Task task = one(bundle, Task.class);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("NEW");
		assertThat(task.getOwner().getDisplay()).isEqualTo("Test cbt");
		assertThat(all(bundle, Flag.class)).isEmpty();

		// re-exporting gives the same ids, so a receiver updates rather than duplicates
		Bundle again = R4Conformance.parse(lead.open("/fhir/cases/" + caseId).body());
		assertThat(again.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl)
			.containsExactlyElementsOf(bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());

		assertThat(count("select count(*) from audit_log where case_id = ? and action = 'FHIR_EXPORT' and outcome = 'OK' "
				+ "and actor = 'lead'", caseId)).isEqualTo(2);
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'EXPORTED_AS_FHIR'", caseId))
			.isEqualTo(2);
	}

	@Test
	void aCrisisCaseExportsItsCurrentFindingAsAnActiveFlagAndItsNegatedOneAsInactive() {
		String caseId = CaseEvents.newCaseId();
		String concerns = "I would never hurt myself. But " + CaseEvents.CRISIS_WORDS + ".";
		publish(Topics.INTAKE_SUBMISSIONS, caseId, CaseEvents.submitted(caseId, "Margaret Hamilton", concerns));
		publish(Topics.CASES_CRISIS, caseId, crisisWithNegatedFinding(caseId, concerns));
		awaitCase(caseId, true);

		StaffBrowser onCall = browser();
		onCall.signIn("/staff/cases", "oncall");
		StaffBrowser.Page export = onCall.open("/fhir/cases/" + caseId);

		assertThat(export.status()).isEqualTo(200);
		assertThat(R4Conformance.errors(export.body())).isEmpty();
		Bundle bundle = R4Conformance.parse(export.body());
		assertThat(one(bundle, ServiceRequest.class).getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
		List<Flag> flags = all(bundle, Flag.class);
		assertThat(flags).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.ACTIVE)
			.singleElement()
			.satisfies(flag -> {
				assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("SUICIDE_PLAN");
				assertThat(flag.getCode().getText()).contains("a plan to end my life")
					.contains("answers.concerns")
					.contains("en.plan.have-plan");
				assertThat(flag.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("safety");
			});
		assertThat(flags).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.INACTIVE)
			.singleElement()
			.satisfies(flag -> assertThat(flag.getCode().getText()).contains("negated").contains("never hurt myself"));
		RiskAssessment assessment = one(bundle, RiskAssessment.class);
		assertThat(assessment.getStatus()).isEqualTo(RiskAssessment.RiskAssessmentStatus.PRELIMINARY);
		assertThat(assessment.getPrediction()).hasSize(2);
		assertThat(assessment.getPrediction()).filteredOn(prediction -> prediction.hasQualitativeRisk())
			.singleElement()
			.satisfies(prediction -> assertThat(prediction.getRationale()).contains("a plan to end my life"));
		Task task = one(bundle, Task.class);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.hasOwner()).isFalse();
		assertThat(count("select count(*) from audit_log where case_id = ? and action = 'FHIR_EXPORT' and outcome = 'OK' "
				+ "and actor = 'oncall'", caseId)).isEqualTo(1);
	}

	@Test
	void aClinicianOutsideTheCasesScopeGets403AndTheAttemptIsAudited() {
		String tmsCase = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, tmsCase, CaseEvents.routine(tmsCase, Track.TMS, "Katherine Johnson"));
		String crisisCase = CaseEvents.newCaseId();
		publish(Topics.CASES_CRISIS, crisisCase,
				CaseEvents.crisis(crisisCase, RiskLevel.HIGH, CaseEvents.CRISIS_WORDS, "Hedy Lamarr"));
		String cbtCase = CaseEvents.newCaseId();
		publish(Topics.CASES_ROUTED, cbtCase, CaseEvents.routine(cbtCase, Track.CBT, "Mary Jackson"));
		awaitCase(tmsCase, false);
		awaitCase(crisisCase, false);
		awaitCase(cbtCase, false);

		StaffBrowser cbt = browser();
		cbt.signIn("/staff/cases", "cbt");
		StaffBrowser.Page denied = cbt.open("/fhir/cases/" + tmsCase);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
		assertThat(denied.body()).contains("outside your scope").doesNotContain("Katherine Johnson");
		assertThat(cbt.open("/fhir/cases/" + crisisCase).status()).isEqualTo(403);
		assertThat(count("select count(*) from audit_log where case_id = ? and actor = 'cbt' and action = 'FHIR_EXPORT' "
				+ "and outcome = 'DENIED'", tmsCase)).isEqualTo(1);
		assertThat(count("select count(*) from audit_log where case_id = ? and actor = 'cbt' and action = 'FHIR_EXPORT' "
				+ "and outcome = 'DENIED'", crisisCase)).isEqualTo(1);
		// nothing of it reached the case's timeline: it was not exported
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'EXPORTED_AS_FHIR'", tmsCase))
			.isZero();

		// their own team's case they may export, and another's after an audited break-glass, as on the case page
		assertThat(cbt.open("/fhir/cases/" + cbtCase).status()).isEqualTo(200);
		cbt.open("/staff/cases/" + tmsCase);
		assertThat(cbt.submit("/break-glass", Map.of("reason", "Patient rang asking for their referral to be sent on"))
			.status()).isEqualTo(200);
		StaffBrowser.Page afterBreakGlass = cbt.open("/fhir/cases/" + tmsCase);
		assertThat(afterBreakGlass.status()).isEqualTo(200);
		assertThat(R4Conformance.errors(afterBreakGlass.body())).isEmpty();
		assertThat(count("select count(*) from audit_log where case_id = ? and actor = 'cbt' and action = 'FHIR_EXPORT' "
				+ "and outcome = 'OK'", tmsCase)).isEqualTo(1);
		// an unknown id is a 404, audited as such
		assertThat(cbt.open("/fhir/cases/no-such-case-42").status()).isEqualTo(404);
		assertThat(count("select count(*) from audit_log where case_id = 'no-such-case-42' and outcome = 'NOT_FOUND'"))
			.isEqualTo(1);
		// a date range is for leads only, and the refusal is audited
		assertThat(cbt.open("/fhir/cases?from=2025-03-10&to=2025-03-12").status()).isEqualTo(403);
		assertThat(count("select count(*) from audit_log where actor = 'cbt' and action = 'FHIR_EXPORT_RANGE' "
				+ "and outcome = 'DENIED'")).isEqualTo(1);
	}

	@Test
	void aLeadDownloadsExactlyTheCasesOfADateRangeAsNdjsonOneValidBundleALine() {
		// just outside, on both edges, and just inside (the days are in UTC here, both included)
		String before = seedSubmittedAt(Instant.parse("2025-03-09T23:59:59Z"), "Ida Before");
		String first = seedSubmittedAt(Instant.parse("2025-03-10T00:00:00Z"), "Ida First");
		String last = seedSubmittedAt(Instant.parse("2025-03-12T23:59:59Z"), "Ida Last");
		String after = seedSubmittedAt(Instant.parse("2025-03-13T00:00:00Z"), "Ida After");

		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		int downloadsBefore = count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'");
		StaffBrowser.Page download = lead.open("/fhir/cases?from=2025-03-10&to=2025-03-12");

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/fhir+ndjson");
		assertThat(download.header("Cache-Control")).contains("no-store");
		List<String> lines = Arrays.stream(download.body().split("\n")).toList();
		assertThat(lines).hasSize(2);
		for (String line : lines) {
			assertThat(R4Conformance.errors(line)).isEmpty();
		}
		assertThat(download.body()).endsWith("\n").contains("Worn out.\\nCannot sleep.");
		assertThat(lines.stream().map(line -> R4Conformance.parse(line).getIdentifier().getValue()))
			.containsExactly(first, last)
			.doesNotContain(before, after);
		assertThat(count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'"))
			.isEqualTo(downloadsBefore + 1);
		assertThat(count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK' "
				+ "and detail like '%2025-03-10 to 2025-03-12%: 2 cases'")).isEqualTo(1);
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'EXPORTED_AS_FHIR'", first))
			.isEqualTo(1);
		assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'EXPORTED_AS_FHIR'", before))
			.isZero();

		// an empty range is an empty download, not an error
		StaffBrowser.Page empty = lead.open("/fhir/cases?from=2020-01-01&to=2020-01-31");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).isEmpty();
	}

	@Test
	void aBadRangeGetsAClear400AndChangesNothing() {
		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		int ok = count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'");
		int exported = count("select count(*) from case_timeline where kind = 'EXPORTED_AS_FHIR'");

		StaffBrowser.Page backwards = lead.open("/fhir/cases?from=2025-03-12&to=2025-03-10");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.header("Content-Type")).startsWith("application/problem+json");
		assertThat(backwards.body()).contains("The end date (2025-03-10) is before the start date (2025-03-12)");
		StaffBrowser.Page notADate = lead.open("/fhir/cases?from=yesterday&to=2025-03-10");
		assertThat(notADate.status()).isEqualTo(400);
		assertThat(notADate.body()).contains("The start date must be a date like 2026-11-01");
		StaffBrowser.Page missing = lead.open("/fhir/cases?from=2025-03-10");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("The end date is missing");
		StaffBrowser.Page tooLong = lead.open("/fhir/cases?from=2024-01-01&to=2025-12-31");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("one download covers at most 92 days");

		assertThat(count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'"))
			.isEqualTo(ok);
		assertThat(count("select count(*) from case_timeline where kind = 'EXPORTED_AS_FHIR'")).isEqualTo(exported);
		assertThat(count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'REFUSED' "
				+ "and actor = 'lead'")).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aRangeWithMoreCasesThanOneDownloadHoldsIsRefusedNotCutShort() {
		// casework.fhir.max-cases-per-download is 3 in the tests
		for (int i = 0; i < 4; i++) {
			seedSubmittedAt(Instant.parse("2025-06-0" + (i + 1) + "T12:00:00Z"), "Ida Many " + i);
		}
		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		int ok = count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'");

		StaffBrowser.Page tooMany = lead.open("/fhir/cases?from=2025-06-01&to=2025-06-04");

		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("More than 3 cases").contains("Choose a shorter range");
		assertThat(count("select count(*) from audit_log where action = 'FHIR_EXPORT_RANGE' and outcome = 'OK'"))
			.isEqualTo(ok);
		// three days of it fit
		StaffBrowser.Page fits = lead.open("/fhir/cases?from=2025-06-01&to=2025-06-03");
		assertThat(fits.status()).isEqualTo(200);
		assertThat(fits.body().split("\n")).hasSize(3);
	}

	/** A routine CBT case whose form was submitted at this instant. */
	private String seedSubmittedAt(Instant at, String name) {
		String caseId = CaseEvents.newCaseId();
		// a line break in the patient's words must not break the one-Bundle-a-line format
		IntakeSubmitted submitted = CaseEvents.submitted(caseId, name, "Worn out.\nCannot sleep.");
		publish(Topics.INTAKE_SUBMISSIONS, caseId, new IntakeSubmitted(submitted.eventId(), caseId, at,
				submitted.schemaVersion(), submitted.receiptTokenHash(), submitted.form()));
		CaseTriaged triaged = CaseEvents.routine(caseId, Track.CBT, name);
		publish(Topics.CASES_ROUTED, caseId, new CaseTriaged(triaged.eventId(), caseId, at.plusSeconds(1),
				triaged.schemaVersion(), at, false, triaged.riskLevel(), triaged.flags(), triaged.scores(), triaged.track(),
				triaged.secondaryTracks(), triaged.rationale(), triaged.rulesetVersion(), triaged.contact()));
		awaitCase(caseId, true);
		return caseId;
	}

	/** An IMMINENT crisis: the plan in {@code concerns} is current, the self-harm before it is negated. */
	private static CaseTriaged crisisWithNegatedFinding(String caseId, String concerns) {
		CaseTriaged crisis = CaseEvents.crisis(caseId, RiskLevel.IMMINENT, concerns, "Margaret Hamilton");
		String negated = "never hurt myself";
		int start = concerns.indexOf(negated);
		CaseTriaged.Flag negatedFlag = new CaseTriaged.Flag(CrisisCategory.SELF_HARM, "answers.concerns", negated, start,
				start + negated.length(), "en", true, false, false, false, "en.self-harm.hurt-myself");
		return new CaseTriaged(UUID.randomUUID(), caseId, crisis.occurredAt(), crisis.schemaVersion(), crisis.submittedAt(),
				true, RiskLevel.IMMINENT, List.of(crisis.flags().get(0), negatedFlag), crisis.scores(), crisis.track(),
				crisis.secondaryTracks(), crisis.rationale(), crisis.rulesetVersion(), crisis.contact());
	}

	private static <T> List<T> all(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
			.map(type::cast).toList();
	}

	private static <T> T one(Bundle bundle, Class<T> type) {
		List<T> found = all(bundle, type);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static QuestionnaireResponse response(Bundle bundle, String urlName) {
		return all(bundle, QuestionnaireResponse.class).stream()
			.filter(response -> response.getQuestionnaire().endsWith("/" + urlName))
			.findFirst()
			.orElseThrow();
	}

}
