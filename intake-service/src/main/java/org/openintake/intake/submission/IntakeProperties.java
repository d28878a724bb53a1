package org.openintake.intake.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the intake API ({@code intake.*}).
 *
 * @param maxBodySize largest accepted request body; larger ones get 413 before they are parsed
 * @param retryAfter what a 503 tells the client to wait before retrying
 * @param topic how the {@code intake-submissions} and {@code intake-priority} topics are created
 * @param links where the receipt's links point (notification-service)
 * @param idempotency how Idempotency-Key submissions are remembered and identified
 * @param rateLimit submissions allowed per client address
 */
@ConfigurationProperties("intake")
public record IntakeProperties(
		@DefaultValue("128KB") DataSize maxBodySize,
		@DefaultValue("5s") Duration retryAfter,
		@DefaultValue Topic topic,
		@DefaultValue Links links,
		@DefaultValue Idempotency idempotency,
		@DefaultValue RateLimit rateLimit) {

	/**
	 * @param partitions bound on how many triage instances can share the work
	 * @param replicas replication factor (1 locally, 3 in the production-like stack)
	 */
	record Topic(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
	}

	/** @param notificationBaseUrl base URL of notification-service as the patient's browser reaches it */
	public record Links(@DefaultValue("http://127.0.0.1:8082") String notificationBaseUrl) {
	}

	/**
	 * @param ttl how long this instance remembers a key after its first use
	 * @param maxEntries bound on remembered keys (memory), the oldest go first
	 * @param secret HMAC key of receipt tokens of keyed submissions, at least 32 characters, the
	 * same on every instance; unset, each instance draws a random one (fine for one instance)
	 */
	record Idempotency(@DefaultValue("24h") Duration ttl, @DefaultValue("100000") long maxEntries, String secret) {

		@Override
		public String toString() {
			return "Idempotency[ttl=" + ttl + ", maxEntries=" + maxEntries + ", secret=" + (secret == null ? "unset" : "***") + "]";
		}

	}

	/**
	 * A token bucket per client address: {@code capacity} submissions at once, refilled at
	 * {@code capacity} per {@code period}. Behind a reverse proxy set
	 * {@code server.forward-headers-strategy} so that the address is the patient's, not the proxy's.
	 *
	 * @param enabled off only where something in front already limits
	 * @param capacity burst and sustained allowance; a clinic's shared NAT must fit in it
	 * @param period the time in which {@code capacity} submissions are refilled
	 * @param maxClients bound on tracked addresses (memory); the least recently seen go first
	 */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("30") long capacity,
			@DefaultValue("1m") Duration period, @DefaultValue("100000") long maxClients) {
	}

}
