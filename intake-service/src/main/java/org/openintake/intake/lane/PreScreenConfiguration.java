package org.openintake.intake.lane;

import org.openintake.triage.engine.TriageEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine loads its lexicons once at start-up; it is immutable and thread-safe afterwards. */
@Configuration(proxyBeanMethods = false)
class PreScreenConfiguration {

	@Bean
	TriageEngine triageEngine() {
		return TriageEngine.loadDefault();
	}

}
