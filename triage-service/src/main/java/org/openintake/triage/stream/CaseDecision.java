package org.openintake.triage.stream;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.Topics;
import org.openintake.triage.engine.Assessment;

/**
 * Triage's answer to one intake, as the {@link CaseTriaged} event and the lane it travels on.
 */
record CaseDecision(CaseTriaged event, String topic) {

	/** Namespace of the name-based event ids triage derives; fixed forever, or redeliveries get new ids. */
	private static final UUID NAMESPACE = UUID.fromString("6f0c3a52-9b1e-4d8e-a1c7-3e5b8f2d4a90");

	private static final NameBasedGenerator EVENT_IDS = Generators.nameBasedGenerator(NAMESPACE);

	static CaseDecision of(IntakeSubmitted intake, Assessment assessment, Instant now) {
		CaseTriaged event = new CaseTriaged(eventIdFor(intake.eventId()), intake.caseId(), now,
				CaseTriaged.SCHEMA_VERSION, intake.occurredAt(), assessment.crisis(), assessment.riskLevel(),
				assessment.flags(), assessment.scores(), assessment.track(), assessment.secondaryTracks(),
				assessment.rationale(), assessment.rulesetVersion(), contact(intake));
		return new CaseDecision(event, assessment.crisis() ? Topics.CASES_CRISIS : Topics.CASES_ROUTED);
	}

	/**
	 * A redelivered intake (after a crash or rebalance) yields the same decision identity, so readers
	 * can recognise the duplicate that at-least-once delivery allows.
	 */
	static UUID eventIdFor(UUID intakeEventId) {
		return EVENT_IDS.generate("case-triaged:" + intakeEventId);
	}

	// Only what staff need to call the patient back; the free-text answers never leave triage.
	private static CaseTriaged.Contact contact(IntakeSubmitted intake) {
		IntakeForm form = intake.form();
		IntakeForm.Patient patient = form.patient();
		return new CaseTriaged.Contact(patient.name(), patient.email(), patient.phone(), patient.preferredContact(),
				form.locale(), form.country(), form.consent().contact(), intake.receiptTokenHash());
	}

}
