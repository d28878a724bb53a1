package org.openintake.intake.submission;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Remembers, per Idempotency-Key, which case a submission became, so that a retry (or a
 * concurrent duplicate) gets the same receipt instead of a second case. Bounded in size and time.
 * <p>
 * This store is per instance. A retry that reaches another instance is recognised there by its
 * identity, which {@link KeyedIdentities} derives from key and form alike on every instance: it
 * publishes the same case again and downstream dedupes it.
 */
@Component
class IdempotencyStore {

	private final Cache<String, Entry> entries;

	IdempotencyStore(IntakeProperties properties) {
		this.entries = Caffeine.newBuilder()
			.expireAfterWrite(properties.idempotency().ttl())
			.maximumSize(properties.idempotency().maxEntries())
			.build();
	}

	/** The entry of {@code key}, created atomically by {@code create} if the key is new. */
	Entry entryFor(String key, Function<String, Entry> create) {
		return entries.get(key, create);
	}

	/**
	 * A key's case. Its delivery is shared by every request with the key; a failed delivery is
	 * replaced by the next attempt, which publishes the same case again.
	 *
	 * @param bodyHash SHA-256 of the parsed form as re-serialised JSON, to tell a retry from a different form
	 */
	record Entry(String bodyHash, CaseIdentity identity, DeliverySlot slot) {

		Entry(String bodyHash, CaseIdentity identity) {
			this(bodyHash, identity, new DeliverySlot());
		}

	}

	/** Lets exactly one request at a time publish a key's case; the others wait for its outcome. */
	static final class DeliverySlot {

		private CompletableFuture<Receipt> delivery;

		/** @return the delivery to wait for, and whether the caller must start it (it owns it) */
		synchronized Attempt attach() {
			if (delivery == null || delivery.isCompletedExceptionally()) {
				delivery = new CompletableFuture<>();
				return new Attempt(delivery, true);
			}
			return new Attempt(delivery, false);
		}

	}

	record Attempt(CompletableFuture<Receipt> delivery, boolean owner) {
	}

}
