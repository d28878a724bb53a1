package org.openintake.intake.submission;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Submissions per client address: a token bucket each (Bucket4j), refilled smoothly, so that
 * a script cannot flood triage and the clinic's mailboxes while a clinic's shared NAT, where many
 * patients share one address, stays well within the default. Buckets of addresses not seen for a
 * refill period are forgotten (a forgotten bucket is a full one, which is what it would be by then).
 */
@Component
class SubmissionRateLimiter {

	private final IntakeProperties.RateLimit settings;

	private final Cache<String, Bucket> buckets;

	SubmissionRateLimiter(IntakeProperties properties) {
		this.settings = properties.rateLimit();
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(settings.period())
			.maximumSize(settings.maxClients())
			.build();
	}

	/** Takes one submission from the client's allowance; refuses with the wait when there is none. */
	void acquire(InetSocketAddress client) {
		if (!settings.enabled()) {
			return;
		}
		String key = client == null || client.getAddress() == null ? "unknown" : client.getAddress().getHostAddress();
		ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new SubmissionRateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(settings.capacity()).refillGreedy(settings.capacity(), settings.period()).build())
			.build();
	}

}
