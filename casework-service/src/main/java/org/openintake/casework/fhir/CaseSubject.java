package org.openintake.casework.fhir;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * What every resource of one case's Bundle points at: the case, its Patient and when the form was
 * submitted.
 */
record CaseSubject(String caseId, Reference patient, DateTimeType submitted) {

	/** A fresh copy each time: HAPI's elements are mutable and belong to the resource they are put in. */
	@Override
	public Reference patient() {
		return this.patient.copy();
	}

	@Override
	public DateTimeType submitted() {
		return this.submitted == null ? null : this.submitted.copy();
	}

}
