package org.openintake.localstack.faults;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openintake.localstack.Mailboxes;
import tools.jackson.databind.JsonNode;

/**
 * The staff mailboxes (every {@code @clinic.local} address) read through GreenMail's REST API:
 * which mailboxes hold an email about which case.
 *
 * <p>The escalation address and the clinical lead are left out on purpose: when on-call cannot be
 * reached, or nobody acknowledges a crisis case in time, the service writes to them in addition, by
 * design, so a second email there is not a duplicate.
 */
final class StaffMail {

	private static final String STAFF_DOMAIN = "@clinic.local";

	static final String ESCALATION = "crisis-escalation@clinic.local";

	static final String CLINICAL_LEAD = "clinical-lead@clinic.local";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	static final String ON_CALL = "crisis-oncall@clinic.local";

	/** GreenMail's Received header ends with the time it took the message, to the second. */
	private static final Pattern RECEIVED = Pattern.compile("(?m)^Received: [^\\r\\n]*; ([^\\r\\n]+)$");

	private static final DateTimeFormatter RECEIVED_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
			Locale.US);

	private final Mailboxes mailboxes;

	StaffMail(String apiUrl) {
		this.mailboxes = new Mailboxes(apiUrl);
	}

	/**
	 * For each of {@code caseIds} that any staff email mentions: the mailbox of every such email
	 * (one entry per email, so a mailbox twice means two emails).
	 */
	Map<String, List<String>> mailboxesByCase(Set<String> caseIds) {
		Map<String, List<String>> found = new HashMap<>();
		for (String mailbox : mailboxes.mailboxes()) {
			if (!mailbox.endsWith(STAFF_DOMAIN) || mailbox.equals(ESCALATION) || mailbox.equals(CLINICAL_LEAD)) {
				continue;
			}
			for (JsonNode message : mailboxes.messages(mailbox)) {
				for (String caseId : caseIdsIn(message.get("mimeMessage").asString())) {
					if (caseIds.contains(caseId)) {
						found.computeIfAbsent(caseId, id -> new java.util.ArrayList<>()).add(mailbox);
					}
				}
			}
		}
		return found;
	}

	/** The cases of {@code caseIds} that an email to the escalation address mentions. */
	Set<String> escalated(Set<String> caseIds) {
		Set<String> found = new HashSet<>();
		for (JsonNode message : mailboxes.messages(ESCALATION)) {
			for (String caseId : caseIdsIn(message.get("mimeMessage").asString())) {
				if (caseIds.contains(caseId)) {
					found.add(caseId);
				}
			}
		}
		return found;
	}

	/** When GreenMail took the first on-call email about each of {@code caseIds}, to the second. */
	Map<String, Instant> onCallReceived(Set<String> caseIds) {
		Map<String, Instant> received = new HashMap<>();
		for (JsonNode message : mailboxes.messages(ON_CALL)) {
			String mime = message.get("mimeMessage").asString();
			Matcher time = RECEIVED.matcher(mime);
			if (!time.find()) {
				continue;
			}
			Instant at = ZonedDateTime.parse(time.group(1).trim(), RECEIVED_TIME).toInstant();
			for (String caseId : caseIdsIn(mime)) {
				if (caseIds.contains(caseId)) {
					received.merge(caseId, at, (a, b) -> a.isBefore(b) ? a : b);
				}
			}
		}
		return received;
	}

	/** Every case id one email mentions (quoted-printable soft line breaks undone first). */
	private static Set<String> caseIdsIn(String mime) {
		Matcher matcher = UUID.matcher(mime.replace("=\r\n", "").replace("=\n", "").toLowerCase());
		Set<String> ids = new HashSet<>();
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

}
