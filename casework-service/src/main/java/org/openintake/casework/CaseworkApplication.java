package org.openintake.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The staff side: the case record (PostgreSQL), sign-in at the clinic's OIDC provider, the
 * risk-first inbox, the case page, staff actions, crisis acknowledgement and escalation, and the
 * audit log of every view and action.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaseworkApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaseworkApplication.class, args);
	}

}
