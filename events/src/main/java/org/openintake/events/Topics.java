package org.openintake.events;

import java.util.List;

/**
 * Topic names, in one place. Each topic has exactly one writing service (see the design).
 */
public final class Topics {

	/**
	 * Written by intake-service, read by triage-service. Key: caseId. Value: {@link IntakeSubmitted}.
	 * The routine lane: every intake in which intake's pre-screen found nothing.
	 */
	public static final String INTAKE_SUBMISSIONS = "intake-submissions";

	/**
	 * Written by intake-service, read by triage-service on its own consumers. Key: caseId. Value:
	 * {@link IntakeSubmitted}. The lane at the door: an intake whose pre-screen found any crisis
	 * flag or a positive risk item, so that no routine backlog sits in front of it. Triage still
	 * decides; a case here may be routed as routine.
	 */
	public static final String INTAKE_PRIORITY = "intake-priority";

	/** Both lanes an {@link IntakeSubmitted} travels on: every reader of intakes reads both. */
	public static final List<String> INTAKE_LANES = List.of(INTAKE_PRIORITY, INTAKE_SUBMISSIONS);

	/** Written by triage-service, read by notification-service's priority consumer. Value: {@link CaseTriaged}. */
	public static final String CASES_CRISIS = "cases-crisis";

	/** Written by triage-service, read by notification-service. Value: {@link CaseTriaged}. */
	public static final String CASES_ROUTED = "cases-routed";

	/**
	 * Written by casework-service, read by notification-service (escalation emails) and ops. Value:
	 * {@link CaseActivity}: ids and codes, no free text.
	 */
	public static final String CASE_ACTIVITY = "case-activity";

	private Topics() {
	}

	/** The dead-letter topic of a topic, written by the service that reads {@code topic}. */
	public static String dlq(String topic) {
		return topic + ".dlq";
	}

}
