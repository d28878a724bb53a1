package org.openintake.notification.casemail;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Track;
import org.openintake.notification.NotificationProperties;
import org.openintake.notification.mail.Email;
import org.openintake.notification.mail.EmailKind;
import org.openintake.notification.mail.PlainText;
import org.springframework.stereotype.Component;

/**
 * Staff emails carry the minimum staff need to act: reference, track, risk, response target, flag
 * categories, a link to the case and, for a crisis, how to call the patient back. Never the
 * patient's answers, free text or the words that raised a flag. Subjects carry only the reference
 * and whether it is urgent.
 */
@Component
class StaffEmails {

	private final NotificationProperties properties;

	StaffEmails(NotificationProperties properties) {
		this.properties = properties;
	}

	Email forCase(CaseTriaged event, boolean crisis) {
		if (crisis) {
			return new Email(EmailKind.STAFF_CRISIS, event.caseId(), this.properties.mailboxes().crisisOnCall(),
					"URGENT: OpenIntake case " + event.caseId(), body(event, true, null), true);
		}
		return new Email(EmailKind.STAFF_ROUTINE, event.caseId(),
				this.properties.mailboxes().forTrack(event.track()), "OpenIntake case " + event.caseId(),
				body(event, false, null), false);
	}

	/** The crisis email again, to the escalation address, saying why on-call may not have it. */
	Email escalation(CaseTriaged event, String why) {
		return new Email(EmailKind.ESCALATION, event.caseId(), this.properties.mailboxes().escalation(),
				"URGENT escalation: OpenIntake case " + event.caseId(), body(event, true, why), true);
	}

	/**
	 * A crisis-lane record that could not be read: on-call got nothing, so tell the escalation
	 * address where the record is. Only the reference, if the record key carries one.
	 */
	Email unreadableCrisisRecord(String caseId, String reference, String location) {
		String body = "A record on the crisis lane could not be read, so on-call was not emailed.\n\n"
				+ "Case reference (from the record key): " + ((caseId != null) ? caseId : "not available") + "\n"
				+ "The record is kept in " + location + ".\n\n"
				+ "Please find the case and make sure someone calls the patient back"
				+ ((caseId != null) ? ": " + caseLink(caseId) : ".") + "\n";
		return new Email(EmailKind.ESCALATION, reference, this.properties.mailboxes().escalation(),
				"URGENT escalation: unreadable crisis record " + reference, body, true);
	}

	private String body(CaseTriaged event, boolean crisis, String escalationReason) {
		StringBuilder text = new StringBuilder();
		text.append("OpenIntake case ").append(event.caseId()).append("\n\n");
		if (escalationReason != null) {
			text.append("ESCALATION: the crisis email to on-call (")
				.append(this.properties.mailboxes().crisisOnCall())
				.append(") could not be delivered: ")
				.append(escalationReason)
				.append(". Please make sure someone calls this patient back.\n\n");
		}
		if (crisis) {
			text.append("Priority: URGENT, crisis case\n");
		}
		text.append("Response target: ").append(ResponseTargets.of(event.riskLevel(), crisis)).append('\n');
		text.append("Risk level: ").append((event.riskLevel() != null) ? event.riskLevel() : "not assessed").append('\n');
		text.append("Suggested track: ").append(trackName(event.track())).append(" (for a clinician to confirm)\n");
		List<Track> secondary = (event.secondaryTracks() != null) ? event.secondaryTracks() : List.of();
		if (!secondary.isEmpty()) {
			text.append("Other tracks to consider: ")
				.append(secondary.stream().map(StaffEmails::trackName).collect(Collectors.joining(", ")))
				.append('\n');
		}
		text.append("Flag categories: ").append(flagCategories(event)).append('\n');
		if (crisis) {
			appendCallBack(text, event.contact());
		}
		text.append("\nOpen the case: ").append(caseLink(event.caseId())).append("\n\n");
		text.append("This email holds only what you need to act on the case. ")
			.append("The patient's answers are in the case record, not in email.\n");
		return text.toString();
	}

	private static void appendCallBack(StringBuilder text, CaseTriaged.Contact contact) {
		text.append("\nCall back:\n");
		if (contact == null) {
			text.append("  No contact details came with this case: open the case record.\n");
			return;
		}
		text.append("  Name: ").append(PlainText.line(contact.name(), 200)).append('\n');
		text.append("  Phone: ").append(orNone(PlainText.line(contact.phone(), 40))).append('\n');
		text.append("  Email: ").append(orNone(PlainText.line(contact.email(), 254))).append('\n');
		text.append("  Prefers: ").append(orNone(PlainText.line(contact.preferredContact(), 10))).append('\n');
		text.append("  Language: ").append(orNone(PlainText.line(contact.locale(), 5)));
		text.append(", country: ").append(orNone(PlainText.line(contact.country(), 2))).append('\n');
	}

	private static String flagCategories(CaseTriaged event) {
		if (event.flags() == null || event.flags().isEmpty()) {
			return "none";
		}
		return event.flags()
			.stream()
			.map(CaseTriaged.Flag::category)
			.map(StaffEmails::categoryName)
			.distinct()
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private String caseLink(String caseId) {
		String base = this.properties.caseLinkBaseUrl().toString();
		return (base.endsWith("/") ? base : base + "/") + caseId;
	}

	private static String trackName(Track track) {
		return (track != null) ? track.name() : Track.GENERAL_ASSESSMENT.name();
	}

	private static String categoryName(CrisisCategory category) {
		// null: a category this version does not know yet; still a flag staff must see.
		return (category != null) ? category.name().toLowerCase(Locale.ROOT).replace('_', ' ') : "other";
	}

	private static String orNone(String value) {
		return value.isEmpty() ? "not given" : value;
	}

}
