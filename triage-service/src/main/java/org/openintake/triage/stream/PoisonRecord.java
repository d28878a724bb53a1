package org.openintake.triage.stream;

import java.util.List;

/**
 * A record that can never be triaged as it is: not JSON, or not the contract. Retrying it cannot
 * help, so after a short bounded retry it goes to the dead-letter topic. (A valid intake that the
 * engine fails on is not poison: see {@link NotAssessed}.)
 * <p>
 * The reason becomes a DLQ header and a log line, so it is built only from a fixed vocabulary and
 * JSON paths, never from a value in the record (values may be health data). No cause and no stack
 * trace are kept for the same reason.
 */
final class PoisonRecord extends RuntimeException {

	private static final int MAX_REASON = 300;

	/** Every {@link #code()} there is (and "unknown" for a failure that is not a poison record). */
	static final List<String> CODES = List.of("not-json", "schema", "invalid", "unknown");

	private final String code;

	private PoisonRecord(String code, String detail) {
		super(truncate(detail.isEmpty() ? code : code + ": " + detail), null, false, false);
		this.code = code;
	}

	static PoisonRecord notJson() {
		return new PoisonRecord("not-json", "");
	}

	static PoisonRecord schema(String paths) {
		return new PoisonRecord("schema", paths);
	}

	static PoisonRecord invalid(String paths) {
		return new PoisonRecord("invalid", paths);
	}

	/** Low-cardinality reason, safe for a metric tag. */
	String code() {
		return code;
	}

	/** The poison record failure somewhere in the chain of {@code failure}, or null. */
	static PoisonRecord in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof PoisonRecord poison) {
				return poison;
			}
		}
		return null;
	}

	private static String truncate(String reason) {
		return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
	}

}
