package org.openintake.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port against the module's shared embedded KRaft broker. Every
 * class using it shares one application context. notification-service is absent: its base URL
 * points at a port where nothing listens. The rate limit is raised far above what the tests send
 * (all from 127.0.0.1); {@code RateLimitTest} has its own context with a small one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0", "intake.rate-limit.capacity=100000",
				"intake.links.notification-base-url=" + IntakeServiceTest.NOTIFICATION_ABSENT })
public @interface IntakeServiceTest {

	/** A port nothing listens on (and not one Chromium refuses to call, as it does 9). */
	String NOTIFICATION_ABSENT = "http://127.0.0.1:65530";

}
