package org.openintake.intake.submission;

import org.apache.kafka.clients.admin.NewTopic;
import org.openintake.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	NewTopic intakeSubmissionsTopic(IntakeProperties properties) {
		return new NewTopic(Topics.INTAKE_SUBMISSIONS, properties.topic().partitions(), properties.topic().replicas());
	}

	/** Boot's default listener logs a failed record's payload: health data must never reach a log. */
	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

}
