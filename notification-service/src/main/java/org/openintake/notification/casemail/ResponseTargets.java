package org.openintake.notification.casemail;

import org.openintake.events.RiskLevel;

/** How soon staff must act, by risk level (the design's response targets). */
final class ResponseTargets {

	private ResponseTargets() {
	}

	static String of(RiskLevel risk, boolean crisis) {
		// A crisis case whose level is missing or implausibly low is treated as the most urgent.
		if (crisis && (risk == null || risk == RiskLevel.NONE || risk == RiskLevel.LOW)) {
			return "call now";
		}
		if (risk == null) {
			return "routine intake";
		}
		return switch (risk) {
			case IMMINENT -> "call now";
			case HIGH -> "same day";
			case MODERATE -> "within 24 hours";
			case LOW, NONE -> "routine intake";
		};
	}

}
