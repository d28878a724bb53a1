package org.openintake.intake.lane;

import org.openintake.events.Topics;

/**
 * The lane an intake travels on, chosen at the door.
 *
 * @param topic {@link Topics#INTAKE_PRIORITY} or {@link Topics#INTAKE_SUBMISSIONS}
 * @param crisis whether the pre-screen read the intake as a crisis, as triage would with the same
 * engine: the patient's page shows the crisis panel at once rather than after triage
 */
public record Lane(String topic, boolean crisis) {

	static final Lane ROUTINE = new Lane(Topics.INTAKE_SUBMISSIONS, false);

	static Lane priority(boolean crisis) {
		return new Lane(Topics.INTAKE_PRIORITY, crisis);
	}

	public boolean isPriority() {
		return Topics.INTAKE_PRIORITY.equals(topic);
	}

}
