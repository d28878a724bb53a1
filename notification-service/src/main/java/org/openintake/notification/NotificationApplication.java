package org.openintake.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Reads triaged cases from Kafka and tells the right people: staff by email (crisis cases on their
 * own priority lane), the patient with an acknowledgement; serves the helpline directory and the
 * case outcome the patient page polls.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationApplication.class, args);
	}

}
