package org.openintake.events;

/**
 * Topic names, in one place. Each topic has exactly one writing service (see the design).
 */
public final class Topics {

	/** Written by intake-service, read by triage-service. Key: caseId. Value: {@link IntakeSubmitted}. */
	public static final String INTAKE_SUBMISSIONS = "intake-submissions";

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
