package org.openintake.localstack;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh secret per stack run, shared by its intake-service instances (a deployment sets its own). */
final class IdempotencySecret {

	private static final SecureRandom random = new SecureRandom();

	private IdempotencySecret() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
