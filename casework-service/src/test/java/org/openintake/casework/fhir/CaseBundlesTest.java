package org.openintake.casework.fhir;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bundle of every kind of case, built from case records directly (no service, no database):
 * each checked by {@link R4Conformance}, which must itself find the errors of a broken Bundle.
 * FhirExportTest covers the same through the running service, signed in and audited.
 */
class CaseBundlesTest {

	private static final Instant SUBMITTED = Instant.parse("2026-11-12T09:30:00Z");

	private final FhirNames names = new FhirNames(new FhirExportProperties(URI.create("https://openintake.org/fhir"), 92, 2000));

	private final CaseBundles bundles = new CaseBundles(this.names, new PatientResource(this.names),
			new Questionnaires(this.names), new CrisisFindings(this.names), new ReferralResources(this.names));

	private final FhirJson json = new FhirJson();

	@Test
	void aFormWithEveryInstrumentAnsweredConformsAndCarriesEachAnswer() {
		IntakeForm form = form(new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0, 0), List.of(1, 1, 2, 1, 0, 1, 1),
				new IntakeForm.Cssrs(true, true, false, null, null, true, false), List.of(2, 1, 0),
				List.of(1, 0, 1, 0, 0, 0, 0, 0, 0, 0), List.of(1, 1, 0, 0, 1), List.of(3, 2, 4, 1, 0, 2)));
		CaseRecord record = record(form, false, RiskLevel.LOW, List.of(), CaseStatus.BOOKED, "cbt-1", "Casey Clinician");

		String encoded = this.json.encode(this.bundles.of(record, Instant.now()));

		assertThat(R4Conformance.errors(encoded)).isEmpty();
		Bundle bundle = R4Conformance.parse(encoded);
		assertThat(resources(bundle, QuestionnaireResponse.class)).hasSize(8); // 7 instruments + the intake answers
		assertThat(resources(bundle, Questionnaire.class)).hasSize(8);
		QuestionnaireResponse audit = response(bundle, "audit-c");
		assertThat(audit.getItem()).extracting(item -> item.getLinkId()).startsWith("auditC.1", "auditC.2", "auditC.3");
		QuestionnaireResponse dast = response(bundle, "dast-10");
		assertThat(dast.getItemFirstRep().getAnswerFirstRep().getValueBooleanType().booleanValue()).isTrue();
		// a follow-up the form did not ask has no item, rather than a "no" nobody said
		assertThat(response(bundle, "c-ssrs-screener").getItem()).extracting(item -> item.getLinkId())
			.contains("cssrs.wishDead", "cssrs.behaviorWithin3Months")
			.doesNotContain("cssrs.intent", "cssrs.plan");
		Task task = resources(bundle, Task.class).get(0);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("BOOKED");
		assertThat(task.getOwner().getDisplay()).isEqualTo("Casey Clinician");
		// nothing of a crisis where there is none
		assertThat(resources(bundle, Flag.class)).isEmpty();
		assertThat(resources(bundle, RiskAssessment.class)).isEmpty();
	}

	@Test
	void aCrisisWithANegatedAndAHistoricalFindingConformsAndOnlyTheCurrentFlagIsActive() {
		List<CaseTriaged.Flag> flags = List.of(
				new CaseTriaged.Flag(CrisisCategory.SUICIDE_PLAN, "answers.concerns", "a plan to end my life", 7, 28, "en",
						false, false, false, false, "en.plan.have-plan"),
				new CaseTriaged.Flag(CrisisCategory.SELF_HARM, "answers.history", "never hurt myself", 2, 19, "en", true,
						false, false, false, "en.self-harm.hurt-myself"),
				new CaseTriaged.Flag(CrisisCategory.RECENT_ATTEMPT, "cssrs.behavior", null, 0, 0, null, false, true, false,
						false, "cssrs.q6.lifetime"));
		CaseRecord record = record(form(questionnaires()), true, RiskLevel.IMMINENT, flags, CaseStatus.NEW, null, null);

		String encoded = this.json.encode(this.bundles.of(record, Instant.now()));

		assertThat(R4Conformance.errors(encoded)).isEmpty();
		Bundle bundle = R4Conformance.parse(encoded);
		List<Flag> exported = resources(bundle, Flag.class);
		assertThat(exported).hasSize(3);
		assertThat(exported).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.ACTIVE)
			.singleElement()
			.satisfies(flag -> assertThat(flag.getCode().getText()).contains("a plan to end my life")
				.contains("en.plan.have-plan")
				.contains("answers.concerns"));
		assertThat(exported).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.INACTIVE)
			.extracting(flag -> flag.getCode().getText())
			.anySatisfy(text -> assertThat(text).contains("negated").contains("never hurt myself"))
			.anySatisfy(text -> assertThat(text).contains("historical").contains("cssrs.behavior"));
		RiskAssessment assessment = resources(bundle, RiskAssessment.class).get(0);
		assertThat(assessment.getStatus()).isEqualTo(RiskAssessment.RiskAssessmentStatus.PRELIMINARY);
		// a risk level only for the current finding: nothing triage discounted claims one
		assertThat(assessment.getPrediction()).filteredOn(prediction -> prediction.hasQualitativeRisk())
			.singleElement()
			.satisfies(prediction -> assertThat(prediction.getQualitativeRisk().getCoding())
				.extracting(coding -> coding.getCode())
				.containsExactly("high", "IMMINENT"));
		ServiceRequest request = resources(bundle, ServiceRequest.class).get(0);
		assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
		assertThat(request.getSupportingInfo()).extracting(Reference::getReference)
			.contains(fullUrl(bundle, assessment));
		Task task = resources(bundle, Task.class).get(0);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.hasOwner()).isFalse();
	}

	@Test
	void aCaseWhoseFormHasNotArrivedYetStillConforms() {
		CaseRecord record = new CaseRecord("01JCASE0NOFORM", null, null, null,
				new CaseRecord.Contact("Noor", null, "+31 20 123 4567", "phone", true), null, SUBMITTED, false,
				RiskLevel.NONE, Track.GENERAL_ASSESSMENT, Track.GENERAL_ASSESSMENT, List.of(), List.of(), List.of(),
				List.of(), "routing-1", CaseStatus.NEW, null, null, null, null, null, 0, 0);
		assertThat(R4Conformance.errors(this.json.encode(this.bundles.of(record, Instant.now())))).isEmpty();
	}

	@Test
	void theSameCaseExportedTwiceHasTheSameIds() {
		CaseRecord record = record(form(questionnaires()), false, RiskLevel.NONE, List.of(), CaseStatus.NEW, null, null);
		String encoded = this.json.encode(this.bundles.of(record, Instant.now()));
		// the resources carry the ids of their full URLs, for a receiver that stores them by id (PUT)
		String patientId = FhirNames.id(record.caseId(), "Patient");
		assertThat(encoded).contains("\"fullUrl\":\"urn:uuid:" + patientId + "\"")
			.contains("\"resourceType\":\"Patient\",\"id\":\"" + patientId + "\"");
		Bundle first = R4Conformance.parse(encoded);
		Bundle second = R4Conformance.parse(this.json.encode(this.bundles.of(record, Instant.now().plusSeconds(60))));
		assertThat(second.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl)
			.containsExactlyElementsOf(first.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
		assertThat(second.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
	}

	@Test
	void theCheckerFindsTheErrorsOfABrokenBundle() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		Flag flag = new Flag(); // no status, no code, no subject: all three are required
		flag.setAuthor(new Reference("urn:uuid:00000000-0000-0000-0000-000000000000"));
		bundle.addEntry().setFullUrl("urn:uuid:11111111-1111-1111-1111-111111111111").setResource(flag);
		bundle.addEntry().setFullUrl("urn:uuid:11111111-1111-1111-1111-111111111111").setResource(new Patient());
		Patient patient = new Patient();
		patient.addTelecom().setValue("+44 20 7946 0000"); // cpt-2: a value needs a system
		bundle.addEntry().setFullUrl("urn:uuid:22222222-2222-2222-2222-222222222222").setResource(patient);

		List<String> errors = R4Conformance.errors(this.json.encode(bundle));

		assertThat(errors).anySatisfy(error -> assertThat(error).contains("Flag.status"))
			.anySatisfy(error -> assertThat(error).contains("Flag.code"))
			.anySatisfy(error -> assertThat(error).contains("Flag.subject"))
			.anySatisfy(error -> assertThat(error).contains("cpt-2"))
			.anySatisfy(error -> assertThat(error).contains("does not resolve"))
			.anySatisfy(error -> assertThat(error).contains("appears twice"))
			.anySatisfy(error -> assertThat(error).startsWith("schema:"));
	}

	private static IntakeForm.Questionnaires questionnaires() {
		return new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0, 2), List.of(1, 1, 2, 1, 0, 1, 1),
				new IntakeForm.Cssrs(true, false, null, null, null, true, false), null, null, null, null);
	}

	private static IntakeForm form(IntakeForm.Questionnaires questionnaires) {
		return new IntakeForm("en", "GB",
				new IntakeForm.Patient("Ada Lovelace", "ada@example.org", "+44 20 7946 0000", LocalDate.of(1990, 1, 31),
						"female", "phone"),
				new IntakeForm.Consent(true, true), questionnaires,
				new IntakeForm.Answers("I have a plan to end my life", "I never hurt myself before.", "Back to work."),
				new IntakeForm.Treatment(List.of(Track.TMS, Track.CBT), 2, List.of("CBT", "ANTIDEPRESSANTS"),
						new IntakeForm.TmsSafety(false, false, false, null)));
	}

	private static CaseRecord record(IntakeForm form, boolean crisis, RiskLevel risk, List<CaseTriaged.Flag> flags,
			CaseStatus status, String assignee, String assigneeName) {
		return new CaseRecord("01JCASE" + (crisis ? "CRISIS" : "ROUTINE") + status, SUBMITTED, "en", "GB",
				new CaseRecord.Contact("Ada Lovelace", "ada@example.org", "+44 20 7946 0000", "phone", true), form,
				SUBMITTED.plusSeconds(2), crisis, risk, crisis ? Track.PSYCHIATRY : Track.TMS, Track.TMS,
				List.of(Track.CBT), flags,
				List.of(new CaseTriaged.Score(Instrument.PHQ9, 9, "mild", false),
						new CaseTriaged.Score(Instrument.GAD7, 8, "mild", false)),
				List.of("PHQ-9 of 9 is mild.", "Two antidepressant trials did not help."), "routing-1", status, assignee,
				assigneeName, null, null, null, 0, 0);
	}

	private static <T> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
			.map(type::cast).toList();
	}

	private static String fullUrl(Bundle bundle, org.hl7.fhir.r4.model.Resource resource) {
		return bundle.getEntry().stream().filter(entry -> entry.getResource() == resource).findFirst().orElseThrow().getFullUrl();
	}

	private static QuestionnaireResponse response(Bundle bundle, String urlName) {
		return resources(bundle, QuestionnaireResponse.class).stream()
			.filter(response -> response.getQuestionnaire().endsWith("/" + urlName))
			.findFirst()
			.orElseThrow();
	}

}
