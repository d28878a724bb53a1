package org.openintake.notification.mail;

import java.util.regex.Pattern;

/**
 * Makes patient-supplied values (names, phone numbers) safe to place in an email: no line breaks
 * that could forge headers or fake paragraphs, no markup a mail client might render.
 */
public final class PlainText {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");

	private static final Pattern MARKUP = Pattern.compile("[<>\"`]");

	private static final Pattern SPACES = Pattern.compile("\\s{2,}");

	private PlainText() {
	}

	/** The value on one line, without markup characters, at most {@code maxLength} characters. */
	public static String line(String value, int maxLength) {
		if (value == null) {
			return "";
		}
		String cleaned = CONTROL.matcher(value).replaceAll(" ");
		cleaned = MARKUP.matcher(cleaned).replaceAll("");
		cleaned = SPACES.matcher(cleaned).replaceAll(" ").strip();
		return (cleaned.length() > maxLength) ? cleaned.substring(0, maxLength) + "…" : cleaned;
	}

}
