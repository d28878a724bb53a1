package org.openintake.notification.messaging;

import java.util.regex.Pattern;

import org.openintake.events.CaseTriaged;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Parses record values and refuses what no consumer could act on. */
@Component
class EventReader {

	// The case id goes into Message-IDs, links and SQL keys: letters, digits and dashes only.
	private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");

	private final JsonMapper jsonMapper;

	EventReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	CaseTriaged caseTriaged(byte[] value) {
		CaseTriaged event = parse(value, CaseTriaged.class, "not a CaseTriaged JSON document");
		requireCaseId(event.caseId());
		return event;
	}

	SubmissionReceipt submission(byte[] value) {
		SubmissionReceipt receipt = parse(value, SubmissionReceipt.class, "not an IntakeSubmitted JSON document");
		requireCaseId(receipt.caseId());
		if (receipt.receiptTokenHash() == null || !HEX_HASH.matcher(receipt.receiptTokenHash()).matches()) {
			throw new UnreadableRecord("IntakeSubmitted without a SHA-256 receipt token hash");
		}
		return receipt;
	}

	static String countryOrNull(String country) {
		return (country != null && COUNTRY.matcher(country).matches()) ? country : null;
	}

	static String localeOrNull(String locale) {
		return (locale != null && LOCALE.matcher(locale).matches()) ? locale : null;
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
