package org.openintake.notification.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openintake.events.CaseActivity;
import org.openintake.notification.NotificationProperties;
import org.openintake.notification.mail.Email;
import org.openintake.notification.mail.EmailKind;
import org.springframework.stereotype.Component;

/**
 * The escalation emails for a crisis case nobody acknowledged in time. Step 1 goes to the
 * escalation address; from step 2 on the clinical lead gets it too. Only what staff need to act:
 * reference, risk level, how late, the link. The subject carries a short reference and nothing else.
 */
@Component
class OverdueEmails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final NotificationProperties properties;

	OverdueEmails(NotificationProperties properties) {
		this.properties = properties;
	}

	/** @param overdue an event of type CRISIS_ACKNOWLEDGEMENT_OVERDUE with a step of 1 or more */
	List<Email> forStep(CaseActivity overdue) {
		int step = overdue.escalationStep();
		NotificationProperties.Mailboxes mailboxes = this.properties.mailboxes();
		List<String> recipients = (step == 1) ? List.of(mailboxes.escalation())
				: List.of(mailboxes.clinicalLead(), mailboxes.escalation());
		String subject = "ESCALATION: crisis case " + shortReference(overdue.caseId()) + " not acknowledged";
		String body = body(overdue);
		return recipients.stream()
			.map((to) -> new Email(EmailKind.OVERDUE_ESCALATION, overdue.caseId(), to, subject, body, true, step))
			.toList();
	}

	private String body(CaseActivity overdue) {
		Instant due = overdue.acknowledgementDueAt();
		Instant asOf = (overdue.occurredAt() != null) ? overdue.occurredAt() : Instant.now();
		StringBuilder text = new StringBuilder();
		text.append("OpenIntake crisis case ").append(overdue.caseId()).append(" has not been acknowledged.\n\n");
		text.append("Escalation step: ").append(overdue.escalationStep())
			.append((overdue.escalationStep() == 1) ? " (escalation address)\n"
					: " (clinical lead and escalation address)\n");
		text.append("Risk level: ").append((overdue.riskLevel() != null) ? overdue.riskLevel() : "not assessed")
			.append('\n');
		if (due != null) {
			text.append("Acknowledgement was due: ").append(TIME.format(due)).append('\n');
			text.append("Overdue by: ").append(duration(Duration.between(due, asOf))).append(" (at ")
				.append(TIME.format(asOf)).append(")\n");
		}
		else {
			text.append("Acknowledgement was due: not given\n");
		}
		text.append("\nOpen the case: ").append(caseLink(overdue.caseId())).append("\n\n");
		text.append("Acknowledge the case to stop these emails.\n");
		return text.toString();
	}

	private String caseLink(String caseId) {
		String base = this.properties.caseLinkBaseUrl().toString();
		return (base.endsWith("/") ? base : base + "/") + caseId;
	}

	/**
	 * The case id's last eight characters: enough to tell cases apart in an inbox (the first ones of
	 * a time-ordered id are the time, the same for every case of a minute), and what casework's
	 * pages show.
	 */
	static String shortReference(String caseId) {
		return caseId.length() <= 8 ? caseId : caseId.substring(caseId.length() - 8);
	}

	static String duration(Duration late) {
		if (late.isNegative() || late.toMinutes() < 1) {
			return "less than a minute";
		}
		long hours = late.toHours();
		long minutes = late.toMinutesPart();
		if (hours == 0) {
			return minutes + " min";
		}
		return hours + " h " + minutes + " min";
	}

}
