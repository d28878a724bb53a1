package org.openintake.notification.messaging;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.stereotype.Component;

/**
 * Which topic each consumer reads, as bound (the defaults are {@code Topics}, a deployment or test
 * may rebind them): retry settings and escalation follow the lane, not a hard-coded topic name.
 */
@Component
class BoundTopics {

	private final String crisis;

	private final String receipts;

	private final String priorityReceipts;

	private final String caseActivity;

	BoundTopics(BindingServiceProperties bindings) {
		this.crisis = bindings.getBindingDestination("crisisCases-in-0");
		this.receipts = bindings.getBindingDestination("receivedCases-in-0");
		this.priorityReceipts = bindings.getBindingDestination("priorityReceivedCases-in-0");
		this.caseActivity = bindings.getBindingDestination("caseActivity-in-0");
	}

	boolean isCrisisLane(String topic) {
		return this.crisis.equals(topic);
	}

	/** Escalations of crisis cases: retried like the crisis lane. */
	boolean isCaseActivity(String topic) {
		return this.caseActivity.equals(topic);
	}

	/** Either intake lane: read only to record that a case was received. */
	boolean isReceipts(String topic) {
		return this.receipts.equals(topic) || this.priorityReceipts.equals(topic);
	}

}
