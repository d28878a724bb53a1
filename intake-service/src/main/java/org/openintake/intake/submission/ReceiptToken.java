package org.openintake.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a patient gets with the receipt; it alone unlocks the case outcome. Only its hash
 * travels in events, so nothing downstream can impersonate the patient.
 *
 * @param token 32 random bytes, base64url without padding (43 characters)
 * @param hash SHA-256 of the token's ASCII characters, lower-case hex
 */
record ReceiptToken(String token, String hash) {

	private static final SecureRandom random = new SecureRandom();

	static ReceiptToken generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new ReceiptToken(token, sha256Hex(token));
	}

	static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}

	@Override
	public String toString() {
		return "ReceiptToken[hash=" + hash + "]";
	}

}
