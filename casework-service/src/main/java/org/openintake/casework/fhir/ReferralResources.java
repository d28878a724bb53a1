package org.openintake.casework.fhir;

import java.util.List;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.stereotype.Component;

/**
 * The referral and the staff work on it: a ServiceRequest for the track (the patient's own
 * referral, its priority from the risk level) and a Task for the work item, owned by the assigned
 * colleague (a Practitioner in the Bundle), its status from the case's status, which also travels
 * verbatim as the Task's businessStatus.
 */
@Component
class ReferralResources {

	private final FhirNames names;

	ReferralResources(FhirNames names) {
		this.names = names;
	}

	/**
	 * The request for the track. Its intent is {@code proposal}: the track is triage's suggestion
	 * for a clinician to confirm. Its status follows the case: open cases are {@code active}, a
	 * closed one {@code completed}, one the patient declined or that went elsewhere {@code revoked}.
	 */
	ServiceRequest serviceRequest(CaseRecord record, CaseSubject subject, List<Reference> supportingInfo) {
		ServiceRequest request = new ServiceRequest();
		request.setId(FhirNames.id(record.caseId(), "ServiceRequest"));
		request.addIdentifier(caseIdentifier(record));
		request.setStatus(switch (record.status()) {
			case NEW, CONTACTED, BOOKED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
			case CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
			case DECLINED, REFERRED_ELSEWHERE -> ServiceRequest.ServiceRequestStatus.REVOKED;
		});
		request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
		request.setPriority(priority(record.riskLevel()));
		request.addCategory(new CodeableConcept().setText("Mental health intake referral"));
		if (record.track() != null) {
			request.setCode(track(record.track()).setText("Referral to " + TrackNames.display(record.track())));
		}
		for (String sentence : record.rationale()) {
			request.addReasonCode(new CodeableConcept().setText(sentence));
		}
		request.setSubject(subject.patient());
		request.setRequester(subject.patient()); // patients refer themselves through the intake form
		request.setAuthoredOnElement(subject.submitted());
		supportingInfo.forEach(reference -> request.addSupportingInfo(reference.copy()));
		if (record.suggestedTrack() != null && record.suggestedTrack() != record.track()) {
			request.addNote().setText("Triage suggested " + TrackNames.display(record.suggestedTrack())
					+ "; staff changed the track to " + (record.track() != null ? TrackNames.display(record.track()) : "none") + ".");
		}
		if (!record.secondaryTracks().isEmpty()) {
			request.addNote().setText("Also worth considering: "
					+ record.secondaryTracks().stream().map(TrackNames::display).collect(Collectors.joining(", ")) + ".");
		}
		if (record.contact() != null && !record.contact().consent()) {
			request.addNote().setText("The patient did not consent to being contacted. For a crisis case, follow the "
					+ "clinic's duty-of-care policy.");
		}
		request.addNote().setText("Risk level " + (record.riskLevel() != null ? record.riskLevel() : "not set")
				+ (record.crisis() ? ", crisis case" : "")
				+ ". Tracks and risk levels are suggestions for a clinician to confirm, never a diagnosis.");
		return request;
	}

	/** IMMINENT: stat; HIGH: asap; MODERATE: urgent; anything else routine. */
	static ServiceRequest.ServiceRequestPriority priority(RiskLevel risk) {
		if (risk == null) {
			return ServiceRequest.ServiceRequestPriority.ROUTINE;
		}
		return switch (risk) {
			case IMMINENT -> ServiceRequest.ServiceRequestPriority.STAT;
			case HIGH -> ServiceRequest.ServiceRequestPriority.ASAP;
			case MODERATE -> ServiceRequest.ServiceRequestPriority.URGENT;
			case LOW, NONE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
		};
	}

	/** The colleague the case is assigned to, or null when nobody has it. */
	Practitioner assignee(CaseRecord record) {
		if (record.assignee() == null) {
			return null;
		}
		Practitioner practitioner = new Practitioner();
		practitioner.setId(FhirNames.sharedId("Practitioner:" + record.assignee()));
		practitioner.addIdentifier().setSystem(this.names.staffSystem()).setValue(record.assignee());
		if (record.assigneeName() != null) {
			practitioner.addName().setText(record.assigneeName());
		}
		return practitioner;
	}

	Task task(CaseRecord record, CaseSubject subject, ServiceRequest request, Practitioner owner) {
		Task task = new Task();
		task.setId(FhirNames.id(record.caseId(), "Task"));
		task.addIdentifier(caseIdentifier(record));
		task.setStatus(status(record.status(), owner != null));
		task.setBusinessStatus(new CodeableConcept(new Coding(this.names.caseStatusSystem(), record.status().name(),
				record.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)))
			.setText(record.status().name()));
		task.setIntent(Task.TaskIntent.ORDER);
		task.setPriority(switch (priority(record.riskLevel())) {
			case STAT -> Task.TaskPriority.STAT;
			case ASAP -> Task.TaskPriority.ASAP;
			case URGENT -> Task.TaskPriority.URGENT;
			default -> Task.TaskPriority.ROUTINE;
		});
		task.setDescription("Contact the patient about their intake and take the referral forward (case "
				+ record.shortId() + ")");
		task.addBasedOn(FhirNames.reference(request.getIdElement().getIdPart()));
		task.setFocus(FhirNames.reference(request.getIdElement().getIdPart()));
		task.setFor(subject.patient());
		task.setAuthoredOnElement(subject.submitted());
		if (owner != null) {
			task.setOwner(FhirNames.reference(owner.getIdElement().getIdPart(), record.assigneeName()));
		}
		if (record.acknowledgedAt() != null) {
			task.addNote()
				.setTimeElement(CaseBundles.dateTime(record.acknowledgedAt()))
				.setText("Acknowledged" + (record.acknowledgedByName() != null ? " by " + record.acknowledgedByName() : ""));
		}
		return task;
	}

	/**
	 * NEW: {@code requested}, or {@code accepted} once someone has claimed it; CONTACTED and BOOKED:
	 * {@code in-progress}; CLOSED and REFERRED_ELSEWHERE: {@code completed} (the clinic's part is
	 * done); DECLINED by the patient: {@code cancelled}.
	 */
	static Task.TaskStatus status(CaseStatus status, boolean owned) {
		return switch (status) {
			case NEW -> owned ? Task.TaskStatus.ACCEPTED : Task.TaskStatus.REQUESTED;
			case CONTACTED, BOOKED -> Task.TaskStatus.INPROGRESS;
			case CLOSED, REFERRED_ELSEWHERE -> Task.TaskStatus.COMPLETED;
			case DECLINED -> Task.TaskStatus.CANCELLED;
		};
	}

	private CodeableConcept track(Track track) {
		return new CodeableConcept(new Coding(this.names.trackSystem(), track.name(), TrackNames.display(track)));
	}

	private Identifier caseIdentifier(CaseRecord record) {
		return new Identifier().setSystem(this.names.caseIdSystem()).setValue(record.caseId());
	}

}
