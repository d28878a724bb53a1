package org.openintake.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Message-ID of an email is a function of case, kind, recipient and (for a series) step, so
 * the same email always gets the same id: the ledger key, and a hint to mail servers that a copy
 * is a duplicate. The recipient is hashed so no address appears in the header.
 */
final class MessageIds {

	private MessageIds() {
	}

	static String of(Email email) {
		return of(email.caseId(), email.kind(), email.to(), email.step());
	}

	/** @param step 0 for an email sent once (its id is then what it always was), else its place in a series */
	static String of(String caseId, EmailKind kind, String recipient, int step) {
		String what = (step > 0) ? kind.tag() + "-" + step : kind.tag();
		return "<" + caseId + "." + what + "." + shortHash(recipient.strip().toLowerCase(Locale.ROOT))
				+ "@openintake>";
	}

	private static String shortHash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
