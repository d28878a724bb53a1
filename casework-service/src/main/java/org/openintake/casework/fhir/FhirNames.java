package org.openintake.casework.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The names an exported Bundle uses: identifier systems, code systems and extension URLs under the
 * project's namespace, and the ids of its resources. Ids are name-based UUIDs (RFC 4122 version 3)
 * of the case id and the resource's role in the case, so exporting a case again gives every
 * resource the same id and {@code urn:uuid:} full URL: a receiver that stores them can tell a
 * re-export from a new referral and update instead of duplicating.
 */
@Component
class FhirNames {

	static final String LOINC = "http://loinc.org";

	static final String BCP47 = "urn:ietf:bcp:47";

	private final String namespace;

	FhirNames(FhirExportProperties properties) {
		this.namespace = properties.namespace().toString();
	}

	/** The intake case's id, on the Bundle, the Patient, the ServiceRequest and the Task. */
	String caseIdSystem() {
		return this.namespace + "/sid/case-id";
	}

	/** A staff member's subject at the clinic's identity provider. */
	String staffSystem() {
		return this.namespace + "/sid/staff-subject";
	}

	String trackSystem() {
		return this.namespace + "/CodeSystem/track";
	}

	String caseStatusSystem() {
		return this.namespace + "/CodeSystem/case-status";
	}

	String crisisCategorySystem() {
		return this.namespace + "/CodeSystem/crisis-category";
	}

	String riskLevelSystem() {
		return this.namespace + "/CodeSystem/risk-level";
	}

	String evidenceExtension() {
		return this.namespace + "/StructureDefinition/crisis-evidence";
	}

	String questionnaire(String name) {
		return this.namespace + "/Questionnaire/" + name;
	}

	/** A resource's id within one case's Bundle. */
	static String id(String caseId, String role) {
		return uuid("case:" + caseId + ":" + role);
	}

	/** A resource that is the same in every case's Bundle (a Questionnaire, the triage engine, a colleague). */
	static String sharedId(String what) {
		return uuid("shared:" + what);
	}

	static String fullUrl(String id) {
		return "urn:uuid:" + id;
	}

	static Reference reference(String id) {
		return new Reference(fullUrl(id));
	}

	static Reference reference(String id, String display) {
		return new Reference(fullUrl(id)).setDisplay(display);
	}

	private static String uuid(String name) {
		return UUID.nameUUIDFromBytes(("openintake:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
