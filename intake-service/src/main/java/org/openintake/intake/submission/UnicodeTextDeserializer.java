package org.openintake.intake.submission;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads JSON strings and refuses a lone UTF-16 surrogate ({@code "\ud83d"} without its pair):
 * valid JSON, but not text. Accepted, it would reach triage, email and the staff's screens as
 * garbage, or make a later encoder fail on the patient's case.
 */
class UnicodeTextDeserializer extends StringDeserializer {

	static final String REASON = "must be valid Unicode text";

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		String text = super.deserialize(p, ctxt);
		if (text != null && !wellFormed(text)) {
			throw ctxt.weirdStringException(text, String.class, REASON);
		}
		return text;
	}

	static boolean wellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
