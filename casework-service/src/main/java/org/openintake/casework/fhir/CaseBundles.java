package org.openintake.casework.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.openintake.casework.caserecord.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * One case as a FHIR R4 Bundle of type {@code collection}: the Patient, the Questionnaires and the
 * patient's answers to them, the ServiceRequest for the track, the Task for the staff work, and for
 * crisis findings a RiskAssessment and Flags, with the triage Device and the assigned Practitioner
 * they point at. Every reference is a {@code urn:uuid:} full URL of an entry in the same Bundle.
 *
 * <p>A collection, not a {@code document}: a document needs a Composition attested by an author,
 * and this is an export of a work item's data, not a signed clinical document. A receiver that
 * wants to store it turns it into a {@code transaction} (see the README).
 */
@Component
class CaseBundles {

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	private final FhirNames names;

	private final PatientResource patients;

	private final Questionnaires questionnaires;

	private final CrisisFindings findings;

	private final ReferralResources referrals;

	CaseBundles(FhirNames names, PatientResource patients, Questionnaires questionnaires, CrisisFindings findings,
			ReferralResources referrals) {
		this.names = names;
		this.patients = patients;
		this.questionnaires = questionnaires;
		this.findings = findings;
		this.referrals = referrals;
	}

	Bundle of(CaseRecord record, Instant exportedAt) {
		Patient patient = this.patients.of(record);
		CaseSubject subject = new CaseSubject(record.caseId(),
				FhirNames.reference(patient.getIdElement().getIdPart(), patient.hasName() ? patient.getNameFirstRep().getText() : null),
				record.submittedAt() != null ? dateTime(record.submittedAt()) : null);
		// entries by id: a Questionnaire or Device shared by two findings appears once
		Map<String, Resource> entries = new LinkedHashMap<>();
		add(entries, patient);

		List<Reference> answers = new ArrayList<>();
		if (record.form() != null) {
			for (Questionnaires.Answered answered : this.questionnaires.answered(subject, record.form(), record.scores())) {
				add(entries, answered.questionnaire());
				add(entries, answered.response());
				answers.add(FhirNames.reference(answered.response().getIdElement().getIdPart(),
						answered.questionnaire().getTitle()));
			}
		}

		List<Reference> supporting = new ArrayList<>(answers);
		CrisisFindings.Findings crisis = null;
		if (this.findings.any(record)) {
			crisis = this.findings.of(record, subject, answers);
			supporting.add(FhirNames.reference(crisis.assessment().getIdElement().getIdPart()));
			crisis.flags().forEach(flag -> supporting.add(FhirNames.reference(flag.getIdElement().getIdPart())));
		}
		ServiceRequest request = this.referrals.serviceRequest(record, subject, supporting);
		add(entries, request);
		Practitioner owner = this.referrals.assignee(record);
		if (owner != null) {
			add(entries, owner);
		}
		add(entries, this.referrals.task(record, subject, request, owner));
		if (crisis != null) {
			add(entries, crisis.assessment());
			crisis.flags().forEach(flag -> add(entries, flag));
			add(entries, crisis.triage());
		}

		Bundle bundle = new Bundle();
		bundle.setId(FhirNames.id(record.caseId(), "Bundle"));
		bundle.setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(this.names.caseIdSystem())
			.setValue(record.caseId()));
		bundle.setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestampElement(new org.hl7.fhir.r4.model.InstantType(Date.from(exportedAt), TemporalPrecisionEnum.SECOND, UTC));
		entries.forEach((id, resource) -> bundle.addEntry().setFullUrl(FhirNames.fullUrl(id)).setResource(resource));
		return bundle;
	}

	private static void add(Map<String, Resource> entries, Resource resource) {
		entries.putIfAbsent(resource.getIdElement().getIdPart(), resource);
	}

	static DateTimeType dateTime(Instant instant) {
		return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
	}

}
