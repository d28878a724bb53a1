package org.openintake.notification.messaging;

/**
 * A record that is not the event its topic promises. Retrying cannot fix it, so it goes straight
 * to the dead-letter topic. Deliberately without the parser's message, which may quote the record.
 */
class UnreadableRecord extends RuntimeException {

	UnreadableRecord(String what) {
		super(what);
	}

}
