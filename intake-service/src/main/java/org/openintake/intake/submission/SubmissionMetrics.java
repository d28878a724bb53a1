package org.openintake.intake.submission;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** {@code intake.submissions{outcome}}: what became of each request to {@code POST /api/intakes}. */
@Component
class SubmissionMetrics {

	enum Outcome {

		/** published and acknowledged by Kafka */
		ACCEPTED,
		/** refused with a 4xx; nothing published */
		INVALID,
		/** a retry under a known Idempotency-Key, answered with the earlier receipt */
		DUPLICATE,
		/** Kafka did not take it; 503 */
		UNAVAILABLE,
		/** the client's address is over its allowance; 429, nothing read or published */
		RATE_LIMITED

	}

	private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

	SubmissionMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			counters.put(outcome, Counter.builder("intake.submissions")
				.description("Intake submissions by outcome")
				.tag("outcome", outcome.name().toLowerCase())
				.register(registry));
		}
	}

	void count(Outcome outcome) {
		counters.get(outcome).increment();
	}

}
