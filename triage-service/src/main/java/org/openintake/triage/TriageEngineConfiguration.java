package org.openintake.triage;

import org.openintake.triage.engine.TriageEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine is pure Java and thread-safe once loaded; one instance serves the stream and the
 * playground, so both always explain decisions with the same ruleset.
 */
@Configuration(proxyBeanMethods = false)
class TriageEngineConfiguration {

	@Bean
	TriageEngine triageEngine() {
		return TriageEngine.loadDefault();
	}

}
