package org.openintake.triage.stream;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The triage function bound a second time, to {@code intake-priority}. Spring Cloud Stream binds
 * one input per function, so the lane at the door needs its own function bean; it is the very
 * same triage (same engine, same decision, same crisis or routine output lane), only read by its
 * own consumer group and threads.
 */
@Configuration(proxyBeanMethods = false)
class PriorityLaneConfiguration {

	@Bean
	Function<Message<byte[]>, Message<byte[]>> triagePriority(TriageFunction triage) {
		return triage::apply;
	}

}
