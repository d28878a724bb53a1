package org.openintake.casework.actions;

import org.springframework.http.HttpStatus;

/** An action that was not done, with the reason to show the person; nothing was changed. */
public class ActionRefused extends RuntimeException {

	private final HttpStatus status;

	ActionRefused(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
