package org.openintake.casework.caserecord;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The inputs of the case record: the form from {@code intake-priority} and {@code intake-submissions},
 * the decision from {@code cases-crisis} and {@code cases-routed}. Each intake lane has its own
 * consumer, like in triage, so that the form of a possible crisis (the phone number on-call
 * calls) is not queued behind a routine backlog. An exception leaves the record to the container's
 * retry and dead-letter handling (see {@link DeadLetterConfig}).
 */
@Configuration(proxyBeanMethods = false)
class CaseConsumers {

	@Bean
	Consumer<Message<byte[]>> submissions(EventReader reader, CaseAssembly assembly, MeterRegistry meters) {
		return message -> {
			assembly.submitted(reader.submission(message.getPayload()));
			meters.counter("casework.events.consumed", "topic", Topics.INTAKE_SUBMISSIONS).increment();
		};
	}

	@Bean
	Consumer<Message<byte[]>> prioritySubmissions(EventReader reader, CaseAssembly assembly, MeterRegistry meters) {
		return message -> {
			assembly.submitted(reader.submission(message.getPayload()));
			meters.counter("casework.events.consumed", "topic", Topics.INTAKE_PRIORITY).increment();
		};
	}

	@Bean
	Consumer<Message<byte[]>> crisisCases(EventReader reader, CaseAssembly assembly, MeterRegistry meters) {
		return message -> {
			assembly.triaged(reader.triaged(message.getPayload()));
			meters.counter("casework.events.consumed", "topic", "cases-crisis").increment();
		};
	}

	@Bean
	Consumer<Message<byte[]>> routedCases(EventReader reader, CaseAssembly assembly, MeterRegistry meters) {
		return message -> {
			assembly.triaged(reader.triaged(message.getPayload()));
			meters.counter("casework.events.consumed", "topic", "cases-routed").increment();
		};
	}

}
