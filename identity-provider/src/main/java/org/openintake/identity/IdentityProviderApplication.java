package org.openintake.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A real OpenID Connect provider for the local run and the tests: Spring Authorization Server with
 * the demo staff accounts it is given. It stands in for the clinic's own identity provider, which a
 * deployment connects instead; nothing of the platform depends on this module's code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityProviderApplication.class, args);
	}

}
