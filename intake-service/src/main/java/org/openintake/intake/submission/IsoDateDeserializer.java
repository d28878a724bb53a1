package org.openintake.intake.submission;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a date only as the contract writes it, {@code "YYYY-MM-DD"} (a real calendar day).
 * Jackson's default also takes {@code []} (as no date), {@code [1990, 1, 31]} and numbers,
 * so a client bug could silently drop or invent a date of birth.
 */
class IsoDateDeserializer extends ValueDeserializer<LocalDate> {

	static final String REASON = "must be a date (YYYY-MM-DD)";

	@Override
	public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
		if (!p.hasToken(JsonToken.VALUE_STRING)) {
			return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
		}
		String text = p.getString();
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw ctxt.weirdStringException(text, LocalDate.class, REASON);
		}
	}

}
