package org.openintake.notification.casemail;

import org.openintake.events.RiskLevel;

/** How soon staff must act, by risk level (the design's response targets). */
final class ResponseTargets {

	private ResponseTargets() {
	}

	static String of(RiskLevel risk) {
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
