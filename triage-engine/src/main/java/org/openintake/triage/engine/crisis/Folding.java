package org.openintake.triage.engine.crisis;

import java.text.Normalizer;

/**
 * Unicode folding shared by the text and the lexicon: compatibility normalisation (NFKC's
 * decompositions), case folding and removal of diacritics, done one code point at a time so every
 * folded character keeps the original span it came from. Text and lexicon phrases go through the
 * same function, which is what makes "Selbstmord", "SELBSTMORD" and "selbstmörd" meet.
 */
final class Folding {

	/** Precomputed folds for the Latin blocks, where nearly all intake text lives. */
	private static final String[] TABLE = new String[0x2B0];

	static {
		for (int cp = 0; cp < TABLE.length; cp++) {
			TABLE[cp] = computeLetters(cp);
		}
	}

	private Folding() {
	}

	/**
	 * The letters a code point folds to, or null when it is not a letter (digits, punctuation,
	 * symbols, spaces).
	 */
	static String letters(int cp) {
		if (cp < TABLE.length) {
			return TABLE[cp];
		}
		return computeLetters(cp);
	}

	private static String computeLetters(int cp) {
		if (!Character.isLetter(cp)) {
			return null;
		}
		// letters NFKD leaves whole, spelled out the way people type them without the key
		switch (cp) {
			case 'ß', 'ẞ' -> {
				return "ss";
			}
			case 'œ', 'Œ' -> {
				return "oe";
			}
			case 'æ', 'Æ' -> {
				return "ae";
			}
			case 'ø', 'Ø' -> {
				return "o";
			}
			case 'ł', 'Ł' -> {
				return "l";
			}
			case 'ı' -> {
				return "i";
			}
			default -> {
			}
		}
		String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
		StringBuilder out = new StringBuilder(decomposed.length());
		decomposed.codePoints().forEach(c -> {
			if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK
					|| Character.getType(c) == Character.ENCLOSING_MARK) {
				return;
			}
			if (Character.isLetter(c)) {
				out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
			}
		});
		return out.isEmpty() ? null : out.toString();
	}

	/**
	 * The primary matching view: letters folded, each run of digits as one {@code 0}, sentence and
	 * clause punctuation kept (they stop phrases and scope context rules), everything else (spaces,
	 * apostrophes, hyphens, quotes, symbols) as a single space.
	 */
	static FoldedText primary(String original) {
		int n = original.length();
		// a char array rather than a StringBuilder: one plain store per character (measured: the
		// builder's per-append checks were about half of this method's time)
		char[] out = new char[n + 8];
		int length = 0;
		int[] start = new int[n + 8];
		int[] end = new int[n + 8];
		int i = 0;
		while (i < n) {
			char ch = original.charAt(i);
			if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
				// the common case, without a table lookup
				if (length >= start.length) {
					start = grow(start);
					end = grow(end);
					out = java.util.Arrays.copyOf(out, start.length);
				}
				start[length] = i;
				end[length] = i + 1;
				out[length++] = (char) (ch | 0x20);
				i++;
				continue;
			}
			int cp = original.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (cp >= 0x300 && isMark(cp)) {
				// a decomposed accent (NFD input, e.g. from macOS): part of the letter before it
				if (length > 0) {
					end[length - 1] = next;
				}
				i = next;
				continue;
			}
			String folded = letters(cp);
			if (folded != null) {
				for (int k = 0; k < folded.length(); k++) {
					if (length >= start.length) {
						start = grow(start);
						end = grow(end);
						out = java.util.Arrays.copyOf(out, start.length);
					}
					start[length] = i;
					end[length] = next;
					out[length++] = folded.charAt(k);
				}
			}
			else {
				char c = boundaryChar(cp);
				int last = length - 1;
				boolean skip = (c == ' ' && (last < 0 || out[last] == ' '))
						|| (c == '0' && last >= 0 && out[last] == '0' && end[last] == i);
				if (skip) {
					if (last >= 0) {
						end[last] = Math.max(end[last], next);
					}
				}
				else {
					if (length >= start.length) {
						start = grow(start);
						end = grow(end);
						out = java.util.Arrays.copyOf(out, start.length);
					}
					start[length] = i;
					end[length] = next;
					out[length++] = c;
				}
			}
			i = next;
		}
		return new FoldedText(new String(out, 0, length), start, end);
	}

	private static char boundaryChar(int cp) {
		if (cp == ' ') {
			return ' ';
		}
		if (cp >= '0' && cp <= '9' || cp > 0x7f && Character.isDigit(cp)) {
			return '0';
		}
		switch (cp) {
			case '.', '!', '?', ';', ':', ',', '\n', '\r', '¿', '¡', '…' -> {
				return switch (cp) {
					case '\r', '\n' -> '\n';
					case '¿', '¡' -> ' ';
					case '…' -> '.';
					default -> (char) cp;
				};
			}
			default -> {
				return ' ';
			}
		}
	}

	/** A combining mark: an accent written as its own code point after its letter. */
	static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** A lexicon phrase in the primary view's alphabet (trimmed). */
	static String phrase(String phrase) {
		return primary(phrase).text.strip();
	}

	private static int[] grow(int[] a) {
		int[] b = new int[a.length * 2 + 8];
		System.arraycopy(a, 0, b, 0, a.length);
		return b;
	}

}
