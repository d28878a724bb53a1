package org.openintake.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service with Kafka unreachable: its bootstrap address is the discard port, where
 * nothing listens, and the producer gives up after about a second. Classes using it share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.request.timeout.ms=800",
				"spring.kafka.producer.properties.delivery.timeout.ms=1000", "intake.retry-after=7s",
				"management.server.port=0", "intake.rate-limit.capacity=100000", "intake.links.notification-base-url=" + IntakeServiceTest.NOTIFICATION_ABSENT })
public @interface KafkaDownServiceTest {

}
