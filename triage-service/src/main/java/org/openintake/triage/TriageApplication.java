package org.openintake.triage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Reads each accepted intake, asks the triage engine for an assessment and publishes the decision
 * to the crisis lane or the routine lane.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

	public static void main(String[] args) {
		SpringApplication.run(TriageApplication.class, args);
	}

}
