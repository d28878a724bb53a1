package org.openintake.casework.caserecord;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The three inputs of the case record: the form from {@code intake-submissions}, the decision from
 * {@code cases-crisis} and {@code cases-routed}. An exception leaves the record to the container's
 * retry and dead-letter handling (see {@link DeadLetterConfig}).
 */
@Configuration(proxyBeanMethods = false)
class CaseConsumers {

	@Bean
	Consumer<Message<byte[]>> submissions(EventReader reader, CaseAssembly assembly, MeterRegistry meters) {
		return message -> {
			assembly.submitted(reader.submission(message.getPayload()));
			meters.counter("casework.events.consumed", "topic", "intake-submissions").increment();
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
