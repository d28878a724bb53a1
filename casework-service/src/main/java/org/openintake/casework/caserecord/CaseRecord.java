package org.openintake.casework.caserecord;

import java.time.Instant;
import java.util.List;

import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/**
 * One case as staff work it. {@code form} is null until the submission event has arrived, and the
 * triage fields are empty until the decision has.
 */
public record CaseRecord(
		String caseId,
		Instant submittedAt,
		String locale,
		String country,
		Contact contact,
		IntakeForm form,
		Instant triagedAt,
		boolean crisis,
		RiskLevel riskLevel,
		Track track,
		Track suggestedTrack,
		List<Track> secondaryTracks,
		List<CaseTriaged.Flag> flags,
		List<CaseTriaged.Score> scores,
		List<String> rationale,
		String rulesetVersion,
		CaseStatus status,
		String assignee,
		String assigneeName,
		Instant acknowledgedAt,
		String acknowledgedByName,
		Instant acknowledgementDueAt,
		int escalationStep,
		int version) {

	/** The id's last eight characters: random in a time-ordered id, where the first ones are the time. */
	public static String shortId(String caseId) {
		return caseId == null || caseId.length() <= 8 ? caseId : caseId.substring(caseId.length() - 8);
	}

	public String shortId() {
		return shortId(this.caseId);
	}

	public boolean triaged() {
		return this.triagedAt != null;
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	public boolean open() {
		return this.status == CaseStatus.NEW || this.status == CaseStatus.CONTACTED || this.status == CaseStatus.BOOKED;
	}

	/** How to reach the patient, as they gave it. */
	public record Contact(String name, String email, String phone, String preferredContact, boolean consent) {
	}

}
