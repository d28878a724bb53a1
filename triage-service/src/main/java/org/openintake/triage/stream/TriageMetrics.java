package org.openintake.triage.stream;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.events.CaseTriaged;
import org.openintake.events.Topics;

import org.springframework.stereotype.Component;

/**
 * Triage meters. Tags are enums or fixed codes only: never a case id, never matched text.
 */
@Component
class TriageMetrics {

	private final MeterRegistry registry;

	private final Counter engineFailures;

	TriageMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.engineFailures = Counter.builder("triage.engine.failures")
			.description("Valid intakes the engine could not assess; sent to on-call for manual assessment")
			.register(registry);
		// Present at zero from start-up, so a DLQ alert has a series to compare against before
		// the first poison record arrives.
		for (String reason : PoisonRecord.CODES) {
			deadLetterCounter(reason);
		}
	}

	/**
	 * Counts a published decision by crisis, track and risk, and the patient's own affirmed crisis flags (negated
	 * ones and concerns about someone else explain a decision but are not crisis signals).
	 */
	void decided(CaseTriaged decision) {
		// The crisis tag lets the on-call alert compare crisis decisions with crisis emails.
		registry.counter("triage.decisions", "crisis", String.valueOf(decision.crisis()), "track",
				name(decision.track()), "risk", name(decision.riskLevel()))
			.increment();
		for (CaseTriaged.Flag flag : decision.flags() == null ? List.<CaseTriaged.Flag>of() : decision.flags()) {
			if (!flag.negated() && !flag.otherExperiencer()) {
				registry.counter("triage.crisis.flags", "category", name(flag.category()), "language",
						flag.language() == null ? "none" : flag.language())
					.increment();
			}
		}
	}

	/**
	 * Counts an assessment by the intake lane it came from and its crisis verdict: a crisis from the
	 * routine lane means intake's pre-screen and triage disagree (different rulesets during a
	 * rolling upgrade, or a failure at the door); a routine case from the priority lane is the
	 * expected price of a cautious pre-screen. Counted per attempt, so a retried publish counts again.
	 */
	void assessedFrom(String inputTopic, boolean crisis) {
		String lane = Topics.INTAKE_PRIORITY.equals(inputTopic) ? "priority"
				: Topics.INTAKE_SUBMISSIONS.equals(inputTopic) ? "routine" : "other";
		registry.counter("triage.lane.assessments", "lane", lane, "crisis", String.valueOf(crisis)).increment();
	}

	/** A valid intake the engine could not assess (sent to on-call by hand); alert on any. */
	void engineFailed() {
		engineFailures.increment();
	}

	void deadLettered(String reasonCode) {
		deadLetterCounter(reasonCode).increment();
	}

	private Counter deadLetterCounter(String reasonCode) {
		return Counter.builder("triage.dlq.records")
			.description("Intake records triage could not process and sent to the dead-letter topic")
			.tag("reason", reasonCode)
			.register(registry);
	}

	private static String name(Enum<?> value) {
		return value == null ? "none" : value.name();
	}

}
