package org.openintake.notification.messaging;

import java.util.regex.Pattern;

import org.openintake.events.CaseActivity;
import org.openintake.events.CaseTriaged;
import org.openintake.events.EventJson;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Parses record values and refuses what no consumer could act on. */
@Component
class EventReader {

	// The case id goes into Message-IDs, links and SQL keys: letters, digits and dashes only.
	private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private final JsonMapper jsonMapper;

	EventReader(JsonMapper jsonMapper) {
		// Readers tolerate what a newer writer may add: unknown fields, and enum values (a new flag
		// category must not turn a crisis case into an unreadable record) become null.
		this.jsonMapper = EventJson.tolerant(jsonMapper);
	}

	CaseTriaged caseTriaged(byte[] value) {
		CaseTriaged event = parse(value, CaseTriaged.class, "not a CaseTriaged JSON document");
		requireCaseId(event.caseId());
		return event;
	}

	/** An unknown {@code type} reads as null: nothing to do, not an unreadable record. */
	CaseActivity caseActivity(byte[] value) {
		CaseActivity activity = parse(value, CaseActivity.class, "not a CaseActivity JSON document");
		requireCaseId(activity.caseId());
		if (activity.type() == CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE && activity.escalationStep() < 1) {
			throw new UnreadableRecord("CRISIS_ACKNOWLEDGEMENT_OVERDUE without an escalation step of 1 or more");
		}
		return activity;
	}

	SubmissionReceipt submission(byte[] value) {
		SubmissionReceipt receipt = parse(value, SubmissionReceipt.class, "not an IntakeSubmitted JSON document");
		requireCaseId(receipt.caseId());
		if (receipt.receiptTokenHash() == null || !HEX_HASH.matcher(receipt.receiptTokenHash()).matches()) {
			throw new UnreadableRecord("IntakeSubmitted without a SHA-256 receipt token hash");
		}
		return receipt;
	}

	/** The record key as a case reference, if it looks like one. */
	static String caseIdOrNull(Object key) {
		String text = (key instanceof byte[] bytes) ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
				: (key != null) ? key.toString() : null;
		return (text != null && CASE_ID.matcher(text).matches()) ? text : null;
	}

	private <T> T parse(byte[] value, Class<T> type, String what) {
		if (value == null || value.length == 0) {
			throw new UnreadableRecord("empty record value");
		}
		try {
			T parsed = this.jsonMapper.readValue(value, type);
			if (parsed == null) {
				throw new UnreadableRecord(what);
			}
			return parsed;
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord(what);
		}
	}

	private static void requireCaseId(String caseId) {
		if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
			throw new UnreadableRecord("record without a usable caseId");
		}
	}

}
