package org.openintake.events;

/**
 * Risk level of a case. For crisis cases it sets the response target: IMMINENT call now, HIGH same
 * day, MODERATE within 24 hours.
 */
public enum RiskLevel {
	NONE, LOW, MODERATE, HIGH, IMMINENT
}
