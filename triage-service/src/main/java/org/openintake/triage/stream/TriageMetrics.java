package org.openintake.triage.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.events.CaseTriaged;
import org.openintake.triage.engine.Assessment;

import org.springframework.stereotype.Component;

/**
 * Triage meters. Tags are enums or fixed codes only: never a case id, never matched text.
 */
@Component
class TriageMetrics {

	private final MeterRegistry registry;

	TriageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts a decision by track and risk, and the patient's own affirmed crisis flags (negated
	 * ones and concerns about someone else explain a decision but are not crisis signals).
	 */
	void decided(Assessment assessment) {
		registry.counter("triage.decisions", "track", name(assessment.track()), "risk", name(assessment.riskLevel()))
			.increment();
		for (CaseTriaged.Flag flag : assessment.flags()) {
			if (!flag.negated() && !flag.otherExperiencer()) {
				registry.counter("triage.crisis.flags", "category", name(flag.category()), "language",
						flag.language() == null ? "none" : flag.language())
					.increment();
			}
		}
	}

	void deadLettered(String reasonCode) {
		registry.counter("triage.dlq.records", "reason", reasonCode).increment();
	}

	private static String name(Enum<?> value) {
		return value == null ? "none" : value.name();
	}

}
