package org.openintake.intake.lane;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.events.IntakeForm;
import org.openintake.triage.engine.Assessment;
import org.openintake.triage.engine.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs the triage engine on a valid form (microseconds) to choose its lane before it is published.
 * It only chooses the lane: triage-service still makes the decision staff see.
 * <p>
 * The priority lane takes more than the crises: any crisis flag at all (also a negated, past or
 * third-party one) and any positive risk item (PHQ-9 item 9, C-SSRS). Sending a doubtful case the
 * fast way costs little; leaving a crisis behind a routine backlog can cost a life. For the same
 * reason an engine failure sends the intake down the priority lane.
 */
@Component
public class PreScreen {

	private static final Logger log = LoggerFactory.getLogger(PreScreen.class);

	private final TriageEngine engine;

	private final Counter priority;

	private final Counter routine;

	private final Counter failed;

	PreScreen(TriageEngine engine, MeterRegistry registry) {
		this.engine = engine;
		this.priority = lanes(registry, "priority");
		this.routine = lanes(registry, "routine");
		this.failed = Counter.builder("intake.prescreen.failures")
			.description("Intakes the engine could not pre-screen; each took the priority lane")
			.register(registry);
	}

	/** The lane for a form that passed validation. Never throws. */
	public Lane laneOf(IntakeForm form) {
		Lane lane;
		try {
			Assessment assessment = engine.assess(form);
			lane = assessment.crisis() || !assessment.flags().isEmpty() ? Lane.priority(assessment.crisis()) : Lane.ROUTINE;
		}
		catch (RuntimeException ex) {
			// only the class: an engine message could quote the patient's words
			log.warn("Pre-screen failed ({}); the intake takes the priority lane", ex.getClass().getSimpleName());
			failed.increment();
			lane = Lane.priority(false);
		}
		(lane.isPriority() ? priority : routine).increment();
		return lane;
	}

	private static Counter lanes(MeterRegistry registry, String lane) {
		return Counter.builder("intake.lane.intakes")
			.description("Intakes published, by the lane the pre-screen chose")
			.tag("lane", lane)
			.register(registry);
	}

}
