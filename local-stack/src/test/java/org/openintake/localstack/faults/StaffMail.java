package org.openintake.localstack.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
