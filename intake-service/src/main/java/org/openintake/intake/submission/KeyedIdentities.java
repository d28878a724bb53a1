package org.openintake.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The identity of a submission that carries an Idempotency-Key, computed from the key and the
 * form alone. Any instance that receives the same retry therefore answers the same case
 * reference and receipt token, and publishes an event with the same identity, which downstream
 * already dedupes (one email per case and recipient). The form takes part so that two different
 * forms under one key (a client bug, or two patients whose software picked the same key) become
 * two cases instead of one case silently swallowing the other.
 * <p>
 * The receipt token is an HMAC under {@code intake.idempotency.secret}: it must stay unguessable
 * for anyone who does not hold the patient's key and form, and equal on every instance, so every
 * instance of a deployment needs the same secret. Without one, each instance draws its own and
 * a retry that reaches another instance gets a token that does not unlock the outcome (the case
 * itself is still one case).
 */
@Component
class KeyedIdentities {

	/** Namespace of the name-based (v5) event ids of keyed submissions. */
	static final UUID EVENT_NAMESPACE = UUID.fromString("6c1f4a8e-2f43-4d1b-9a57-0b6e7c7d9e21");

	/** Namespace of the name-based (v5) case ids of keyed submissions. */
	static final UUID CASE_NAMESPACE = UUID.fromString("0b8c6f52-5d0e-4c57-8a4e-3f1d2b9c7a10");

	static final int MIN_SECRET_LENGTH = 32;

	private static final Logger log = LoggerFactory.getLogger(KeyedIdentities.class);

	private final NameBasedGenerator eventIds = Generators.nameBasedGenerator(EVENT_NAMESPACE);

	private final NameBasedGenerator caseIds = Generators.nameBasedGenerator(CASE_NAMESPACE);

	private final SecretKeySpec secret;

	KeyedIdentities(IntakeProperties properties) {
		String configured = properties.idempotency().secret();
		if (configured == null || configured.isBlank()) {
			log.info("intake.idempotency.secret is not set: receipt tokens of Idempotency-Key retries match only on "
					+ "this instance; set the same secret on every instance of a deployment");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.secret = new SecretKeySpec(random, "HmacSHA256");
		}
		else if (configured.length() < MIN_SECRET_LENGTH) {
			throw new IllegalStateException(
					"intake.idempotency.secret must be at least " + MIN_SECRET_LENGTH + " characters long");
		}
		else {
			this.secret = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		}
	}

	/**
	 * @param key a validated Idempotency-Key
	 * @param formHash SHA-256 of the parsed form, re-serialised (formatting does not matter)
	 */
	CaseIdentity identityOf(String key, String formHash) {
		// the key is printable ASCII without a newline, so this name is unambiguous
		String name = key + "\n" + formHash;
		byte[] tokenBytes = hmac("receipt-token\n" + name);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
		return new CaseIdentity(eventIds.generate(name), caseIds.generate(name).toString(),
				new ReceiptToken(token, ReceiptToken.sha256Hex(token)));
	}

	private byte[] hmac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JVM has HmacSHA256", e);
		}
	}

}
