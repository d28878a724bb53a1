package org.openintake.casework.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.events.IntakeForm;
import org.springframework.stereotype.Component;

/**
 * The patient as they gave themselves on the form. The platform knows no person beyond one intake,
 * so the Patient is identified by the case id; the receiving system matches it to a record of its
 * own. The name is kept as typed ({@code HumanName.text}): splitting it into given and family names
 * would be a guess.
 */
@Component
class PatientResource {

	private final FhirNames names;

	PatientResource(FhirNames names) {
		this.names = names;
	}

	Patient of(CaseRecord record) {
		Patient patient = new Patient();
		patient.setId(FhirNames.id(record.caseId(), "Patient"));
		patient.addIdentifier().setSystem(this.names.caseIdSystem()).setValue(record.caseId());
		CaseRecord.Contact contact = record.contact();
		IntakeForm.Patient form = record.form() != null ? record.form().patient() : null;
		String name = contact != null && contact.name() != null ? contact.name() : form != null ? form.name() : null;
		if (name != null) {
			patient.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setText(name));
		}
		if (contact != null) {
			boolean byEmail = "email".equals(contact.preferredContact());
			if (contact.phone() != null) {
				patient.addTelecom(telecom(ContactPoint.ContactPointSystem.PHONE, contact.phone(), !byEmail));
			}
			if (contact.email() != null) {
				patient.addTelecom(telecom(ContactPoint.ContactPointSystem.EMAIL, contact.email(), byEmail));
			}
		}
		if (form != null) {
			if (form.dateOfBirth() != null) {
				patient.setBirthDateElement(new DateType(form.dateOfBirth().toString()));
			}
			if (form.sex() != null) {
				patient.setGender(switch (form.sex()) {
					case "female" -> AdministrativeGender.FEMALE;
					case "male" -> AdministrativeGender.MALE;
					case "other" -> AdministrativeGender.OTHER;
					default -> AdministrativeGender.UNKNOWN; // "undisclosed"
				});
			}
		}
		if (record.locale() != null) {
			patient.addCommunication()
				.setLanguage(new CodeableConcept(new Coding(FhirNames.BCP47, record.locale(), null)).setText(record.locale()))
				.setPreferred(true);
		}
		if (record.country() != null) {
			patient.addAddress().setCountry(record.country());
		}
		return patient;
	}

	/** The way the patient asked to be contacted comes first (rank 1). */
	private static ContactPoint telecom(ContactPoint.ContactPointSystem system, String value, boolean preferred) {
		ContactPoint point = new ContactPoint().setSystem(system).setValue(value);
		return point.setRank(preferred ? 1 : 2);
	}

}
