package org.openintake.triage.stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.openintake.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics triage writes, created (or grown to the configured partitions) at start-up so the
 * partition count is a decision, not a broker default.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	KafkaAdmin.NewTopics triageTopics(TriageStreamProperties properties) {
		TriageStreamProperties.Topics topics = properties.topics();
		return new KafkaAdmin.NewTopics(topic(Topics.CASES_CRISIS, topics), topic(Topics.CASES_ROUTED, topics),
				deadLetters(Topics.INTAKE_SUBMISSIONS, topics), deadLetters(Topics.INTAKE_PRIORITY, topics));
	}

	private static NewTopic deadLetters(String lane, TriageStreamProperties.Topics topics) {
		return TopicBuilder.name(Topics.dlq(lane))
			.partitions(topics.partitions())
			.replicas(topics.replication())
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DeadLetterPublisher.MAX_DEAD_LETTER_BYTES))
			.build();
	}

	private static NewTopic topic(String name, TriageStreamProperties.Topics topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replication()).build();
	}

}
