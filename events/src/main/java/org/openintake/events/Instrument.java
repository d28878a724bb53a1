package org.openintake.events;

/** The standard questionnaires the intake form asks. */
public enum Instrument {
	PHQ9, GAD7, CSSRS, AUDIT_C, DAST10, PC_PTSD5, ASRS_A
}
