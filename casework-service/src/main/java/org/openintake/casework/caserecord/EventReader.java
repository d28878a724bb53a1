package org.openintake.casework.caserecord;

import java.util.regex.Pattern;

import org.openintake.events.CaseTriaged;
import org.openintake.events.EventJson;
import org.openintake.events.IntakeSubmitted;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Parses record values and refuses what could not become a case. */
@Component
class EventReader {

	// The case id goes into links, SQL keys and Kafka keys: letters, digits and dashes only.
	private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final JsonMapper jsonMapper;

	EventReader(JsonMapper jsonMapper) {
		this.jsonMapper = EventJson.tolerant(jsonMapper);
	}

	IntakeSubmitted submission(byte[] value) {
		IntakeSubmitted event = parse(value, IntakeSubmitted.class, "not an IntakeSubmitted JSON document");
		requireCaseId(event.caseId());
		if (event.form() == null || event.form().patient() == null) {
			throw new UnreadableRecord("IntakeSubmitted without a form");
		}
		return event;
	}

	CaseTriaged triaged(byte[] value) {
		CaseTriaged event = parse(value, CaseTriaged.class, "not a CaseTriaged JSON document");
		requireCaseId(event.caseId());
		if (event.eventId() == null) {
			throw new UnreadableRecord("CaseTriaged without an event id");
		}
		return event;
	}

	private <T> T parse(byte[] value, Class<T> type, String what) {
		if (value == null || value.length == 0) {
			throw new UnreadableRecord("empty record");
		}
		try {
			return this.jsonMapper.readValue(value, type);
		}
		catch (JacksonException ex) {
			// never the parser's message: it quotes the record, which may hold health data
			throw new UnreadableRecord(what);
		}
	}

	private static void requireCaseId(String caseId) {
		if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
			throw new UnreadableRecord("missing or malformed caseId");
		}
	}

}
