package org.openintake.triage.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How triage provisions its topics and retries failures.
 *
 * @param topics partitions and replication of the topics triage writes (the case lanes and the DLQ)
 * @param retry back-off for the two kinds of failure
 */
@ConfigurationProperties("triage")
record TriageStreamProperties(@DefaultValue Topics topics, @DefaultValue Retry retry) {

	/**
	 * @param partitions partitions of {@code cases-crisis}, {@code cases-routed} and
	 * {@code intake-submissions.dlq} and {@code intake-priority.dlq}: the upper bound on consumer parallelism downstream
	 * @param replication replication factor of the same topics (1 for a single local broker, 3 in
	 * production)
	 */
	record Topics(@DefaultValue("6") int partitions, @DefaultValue("1") short replication) {
	}

	/**
	 * @param poisonAttempts attempts for a record that cannot be triaged (not JSON, not the contract,
	 * refused by the engine) before it goes to the DLQ
	 * @param poisonInterval pause between those attempts
	 * @param outageInitialInterval first pause after a failure to publish (broker or topic
	 * unavailable); such a record is retried until it is published, never dead-lettered
	 * @param outageMaxInterval the longest pause between publish attempts
	 */
	record Retry(@DefaultValue("3") int poisonAttempts, @DefaultValue("500ms") Duration poisonInterval,
			@DefaultValue("1s") Duration outageInitialInterval, @DefaultValue("30s") Duration outageMaxInterval) {
	}

}
