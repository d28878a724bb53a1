package org.openintake.events;

/** Treatment tracks a case can be routed to. A suggestion for a clinician to confirm, never a diagnosis. */
public enum Track {
	TMS, CBT, MBSR, NEUROFEEDBACK, ADDICTION, PSYCHIATRY, GENERAL_ASSESSMENT
}
