package org.openintake.triage.stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.openintake.events.CaseTriaged;
import org.openintake.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * The producer listener the binder gives its producers (typed for any producer, as Boot's own
 * template expects one of this type): counts a decision once Kafka has acknowledged it, so that a
 * decision retried through an outage (or a poison record) is not counted again and again, and logs
 * a failed publish without the record.
 */
@Component
class PublishedDecisionListener implements ProducerListener<Object, Object> {

	private static final Log log = LogFactory.getLog(PublishedDecisionListener.class);

	private final JsonMapper json;

	private final TriageMetrics metrics;

	PublishedDecisionListener(JsonMapper json, TriageMetrics metrics) {
		this.json = json;
		this.metrics = metrics;
	}

	@Override
	public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
		if (isCaseLane(record.topic()) && record.value() instanceof byte[] value) {
			// Our own bytes, written a moment ago by TriageFunction: reading them back is cheap
			// and keeps the metric exactly what was published.
			metrics.decided(json.readValue(value, CaseTriaged.class));
		}
	}

	@Override
	public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception failure) {
		log.warn("Could not publish to " + record.topic() + " (" + failure.getClass().getSimpleName()
				+ "); the intake stays uncommitted and will be retried");
	}

	private static boolean isCaseLane(String topic) {
		return Topics.CASES_CRISIS.equals(topic) || Topics.CASES_ROUTED.equals(topic);
	}

}
