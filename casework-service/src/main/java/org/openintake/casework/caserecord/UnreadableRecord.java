package org.openintake.casework.caserecord;

/** A record no retry can make readable: it goes to the dead-letter topic at once. Its message has no record content. */
class UnreadableRecord extends RuntimeException {

	UnreadableRecord(String reason) {
		super(reason, null, false, false);
	}

}
