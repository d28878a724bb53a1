package org.openintake.casework.actions;

import org.springframework.http.HttpStatus;

/** Reasons and notes: required, trimmed, bounded. */
final class FreeText {

	static final int MAX_REASON = 1000;

	static final int MAX_NOTE = 2000;

	private FreeText() {
	}

	static String required(String text, String what, int max) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			throw new ActionRefused(HttpStatus.BAD_REQUEST, what + " is required.");
		}
		if (stripped.length() > max) {
			throw new ActionRefused(HttpStatus.BAD_REQUEST,
					what + " is too long: " + stripped.length() + " characters, at most " + max + ".");
		}
		return stripped;
	}

}
