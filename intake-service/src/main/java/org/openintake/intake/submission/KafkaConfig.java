package org.openintake.intake.submission;

import org.apache.kafka.clients.admin.NewTopic;
import org.openintake.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	/** Both lanes get the same partitions, so the priority lane can be read by as many triage threads. */
	@Bean
	KafkaAdmin.NewTopics intakeLanes(IntakeProperties properties) {
		return new KafkaAdmin.NewTopics(Topics.INTAKE_LANES.stream()
			.map(topic -> new NewTopic(topic, properties.topic().partitions(), properties.topic().replicas()))
			.toArray(NewTopic[]::new));
	}

	/** Boot's default listener logs a failed record's payload: health data must never reach a log. */
	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

}
