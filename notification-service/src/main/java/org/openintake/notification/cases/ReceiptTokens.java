package org.openintake.notification.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks a receipt token against the SHA-256 hash intake-service stored, without timing leaks. */
final class ReceiptTokens {

	// Compared against when a case is unknown, so an unknown case costs the same as a wrong token.
	private static final byte[] NO_HASH = new byte[32];

	private ReceiptTokens() {
	}

	static boolean matches(String token, String storedHexHash) {
		byte[] presented = sha256(token);
		byte[] stored = decode(storedHexHash);
		boolean known = (stored != null);
		boolean equal = MessageDigest.isEqual(presented, known ? stored : NO_HASH);
		return known && equal;
	}

	private static byte[] decode(String hex) {
		if (hex == null || hex.length() != 64) {
			return null;
		}
		try {
			return HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
