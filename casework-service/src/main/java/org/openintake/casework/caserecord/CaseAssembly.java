package org.openintake.casework.caserecord;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.openintake.casework.CaseworkProperties;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the case record from the events, in whichever order they arrive, exactly once: the form
 * is taken from the first submission event, the decision from the first triage event, and a
 * redelivered event changes nothing (its timeline entry is keyed by the event id).
 */
@Component
class CaseAssembly {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CaseworkProperties properties;

	CaseAssembly(JdbcClient jdbc, JsonMapper json, CaseworkProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
	}

	@Transactional
	public void submitted(IntakeSubmitted event) {
		IntakeForm form = event.form();
		IntakeForm.Patient patient = form.patient();
		this.jdbc.sql("""
				insert into staff_case (case_id, submitted_at, locale, country, patient_name, patient_email,
				    patient_phone, preferred_contact, contact_consent, form)
				values (:caseId, :submittedAt, :locale, :country, :name, :email, :phone, :preferred, :consent,
				    cast(:form as jsonb))
				on conflict (case_id) do update set
				    submitted_at = coalesce(staff_case.submitted_at, excluded.submitted_at),
				    locale = excluded.locale, country = excluded.country, patient_name = excluded.patient_name,
				    patient_email = excluded.patient_email, patient_phone = excluded.patient_phone,
				    preferred_contact = excluded.preferred_contact, contact_consent = excluded.contact_consent,
				    form = excluded.form
				where staff_case.form is null
				""")
			.param("caseId", event.caseId())
			.param("submittedAt", timestamp(event.occurredAt()))
			.param("locale", form.locale())
			.param("country", form.country())
			.param("name", patient.name())
			.param("email", patient.email())
			.param("phone", patient.phone())
			.param("preferred", patient.preferredContact())
			.param("consent", form.consent() != null && Boolean.TRUE.equals(form.consent().contact()))
			.param("form", this.json.writeValueAsString(form))
			.update();
		timeline(event.caseId(), event.occurredAt(), "SUBMITTED", null, event.eventId());
	}

	@Transactional
	public void triaged(CaseTriaged event) {
		Instant submittedAt = event.submittedAt() != null ? event.submittedAt() : event.occurredAt();
		Instant due = null;
		if (event.crisis()) {
			Duration deadline = this.properties.escalation().deadline(event.riskLevel());
			due = submittedAt.plus(deadline);
		}
		CaseTriaged.Contact contact = event.contact();
		this.jdbc.sql("""
				insert into staff_case (case_id, submitted_at, triaged_at, crisis, risk_level, track, suggested_track,
				    secondary_tracks, flags, scores, rationale, ruleset_version, acknowledgement_due_at,
				    next_escalation_at, locale, country, patient_name, patient_email, patient_phone, preferred_contact,
				    contact_consent)
				values (:caseId, :submittedAt, :triagedAt, :crisis, :risk, :track, :track, cast(:secondary as jsonb),
				    cast(:flags as jsonb), cast(:scores as jsonb), cast(:rationale as jsonb), :ruleset, :due, :due,
				    :locale, :country, :name, :email, :phone, :preferred, :consent)
				on conflict (case_id) do update set
				    submitted_at = coalesce(staff_case.submitted_at, excluded.submitted_at),
				    triaged_at = excluded.triaged_at, crisis = excluded.crisis, risk_level = excluded.risk_level,
				    track = excluded.track, suggested_track = excluded.suggested_track,
				    secondary_tracks = excluded.secondary_tracks, flags = excluded.flags, scores = excluded.scores,
				    rationale = excluded.rationale, ruleset_version = excluded.ruleset_version,
				    acknowledgement_due_at = excluded.acknowledgement_due_at,
				    next_escalation_at = excluded.next_escalation_at,
				    version = staff_case.version + 1
				where staff_case.triaged_at is null
				""")
			.param("caseId", event.caseId())
			.param("submittedAt", timestamp(submittedAt))
			.param("triagedAt", timestamp(event.occurredAt()))
			.param("crisis", event.crisis())
			.param("risk", event.riskLevel() != null ? event.riskLevel().name() : null)
			.param("track", event.track() != null ? event.track().name() : null)
			.param("secondary", this.json.writeValueAsString(event.secondaryTracks()))
			.param("flags", this.json.writeValueAsString(event.flags()))
			.param("scores", this.json.writeValueAsString(event.scores()))
			.param("rationale", this.json.writeValueAsString(event.rationale()))
			.param("ruleset", event.rulesetVersion())
			.param("due", timestamp(due))
			.param("locale", contact != null ? contact.locale() : null)
			.param("country", contact != null ? contact.country() : null)
			.param("name", contact != null ? contact.name() : null)
			.param("email", contact != null ? contact.email() : null)
			.param("phone", contact != null ? contact.phone() : null)
			.param("preferred", contact != null ? contact.preferredContact() : null)
			.param("consent", contact != null && contact.contactConsent())
			.update();
		String detail = event.crisis() ? "crisis, risk " + event.riskLevel() + ", track " + event.track()
				: "track " + event.track() + ", risk " + event.riskLevel();
		timeline(event.caseId(), event.occurredAt(), "TRIAGED", detail, event.eventId());
	}

	private void timeline(String caseId, Instant at, String kind, String detail, UUID sourceEvent) {
		this.jdbc.sql("""
				insert into case_timeline (case_id, at, kind, actor, detail, source_event)
				values (:caseId, :at, :kind, 'system', :detail, :source)
				on conflict (source_event) do nothing
				""")
			.param("caseId", caseId)
			.param("at", timestamp(at != null ? at : Instant.now()))
			.param("kind", kind)
			.param("detail", detail)
			.param("source", sourceEvent)
			.update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant != null ? Timestamp.from(instant) : null;
	}

}
