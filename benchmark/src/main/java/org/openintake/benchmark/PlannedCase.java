package org.openintake.benchmark;

import org.openintake.events.IntakeForm;
import org.openintake.events.Track;

/**
 * One case of the mix before it is sent: the form, and what the pipeline should make of it.
 *
 * @param expectedTrack the track the routing rules give this form (for a crisis, the suggested one)
 * @param body the form as the JSON body of {@code POST /api/intakes}
 */
record PlannedCase(IntakeForm form, boolean crisis, Track expectedTrack, byte[] body) {

	/** The staff mailbox of the local stack this case must reach. */
	String staffMailbox() {
		return crisis ? "crisis-oncall@clinic.local"
				: expectedTrack.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "@clinic.local";
	}

}
