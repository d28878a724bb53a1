package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second matching view that sees through the ways people disguise or mistype crisis words:
 * leetspeak ({@code k1ll}, {@code d!e}), letters spaced or dotted apart ({@code k i l l},
 * {@code k.i.l.l}), stretched letters ({@code diiiie}) and one-letter slips in long anchor words
 * ({@code suicde}). Matches in this view are only extra candidates: the primary view is never
 * rewritten, context rules still run on it, and offsets still point at the original text.
 */
final class VariantView {

	/** Anchor words shorter than this are not corrected: too many real words sit one edit away. */
	static final int MIN_ANCHOR = 6;

	private record Anchor(String word, java.util.Set<String> languages) {
	}

	// indexed by the folded letter (anchors fold to ASCII); looked up for every long word
	private final List<List<Anchor>> anchorsByFirst = new ArrayList<>();

	private final List<List<Anchor>> anchorsByLast = new ArrayList<>();

	/** Words the lexicons themselves use: a real word is never "corrected" into another one. */
	private final Map<String, java.util.Set<String>> knownWords = new java.util.HashMap<>();

	/**
	 * @param anchorWords anchor word -> the languages it belongs to
	 * @param phraseWords every lexicon phrase (folded) -> the languages using it; a word of the
	 * writer's language is never corrected ("suicido" is Spanish, but a slip in Italian)
	 */
	VariantView(Map<String, java.util.Set<String>> anchorWords, Map<String, java.util.Set<String>> phraseWords) {
		phraseWords.forEach((phrase, languages) -> {
			for (String word : phrase.split("[^\\p{L}]+")) {
				if (word.length() >= MIN_ANCHOR) {
					this.knownWords.computeIfAbsent(squeeze(word), k -> new java.util.HashSet<>()).addAll(languages);
				}
			}
		});
		for (int c = 0; c < 128; c++) {
			this.anchorsByFirst.add(new ArrayList<>());
			this.anchorsByLast.add(new ArrayList<>());
		}
		anchorWords.forEach((word, languages) -> {
			String a = squeeze(Folding.phrase(word));
			if (a.length() < MIN_ANCHOR || a.indexOf(' ') >= 0 || a.chars().anyMatch(c -> c >= 128)) {
				throw new IllegalArgumentException("anchor '" + word + "' must be one word of at least " + MIN_ANCHOR
						+ " letters that folds to a-z");
			}
			Anchor anchor = new Anchor(a, languages);
			this.anchorsByFirst.get(a.charAt(0)).add(anchor);
			this.anchorsByLast.get(a.charAt(a.length() - 1)).add(anchor);
		});
	}

	/**
	 * A lexicon phrase as this view spells it: letters only, words kept apart, stretched letters
	 * squeezed in words longer than three letters. Short words keep their spelling, so squeezing
	 * never turns one into another ("off myself" is not "of myself", as in "proud of myself").
	 */
	static String phrase(String phrase) {
		String folded = Folding.phrase(phrase);
		StringBuilder out = new StringBuilder(folded.length());
		for (String word : folded.split("[^\\p{L}]+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(squeezeWord(word));
		}
		return out.toString();
	}

	static String squeezeWord(String word) {
		return word.length() <= 3 ? word : squeeze(word);
	}

	static String squeeze(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (out.isEmpty() || out.charAt(out.length() - 1) != c || !Character.isLetter(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static char leet(int cp) {
		return switch (cp) {
			case '0' -> 'o';
			case '1', '!', '¡' -> 'i';
			case '3', '€' -> 'e';
			case '4', '@' -> 'a';
			case '5', '$' -> 's';
			case '7', '+' -> 't';
			case '8' -> 'b';
			case '|' -> 'l';
			default -> 0;
		};
	}

	private static boolean isAsciiLetter(int cp) {
		return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
	}

	private static boolean isDigit(int cp) {
		return cp >= '0' && cp <= '9';
	}

	/**
	 * @param preferredLanguage when a slip is one edit from anchors of two languages ("suicido":
	 * "suicidio", "suicide"), the writer's language wins
	 */
	FoldedText view(String original, String preferredLanguage) {
		int n = original.length();
		// pass 1: the letters of every token (leet mapped, edges trimmed) with their original spans.
		// A token is a run of letters and leet characters holding at least one letter.
		char[] letters = new char[n * 2 + 8];
		int[] letterStart = new int[letters.length];
		int[] letterEnd = new int[letters.length];
		int[] tokenStart = new int[n + 2];
		int tokens = 0;
		int count = 0;
		int i = 0;
		while (i < n) {
			int cp = original.codePointAt(i);
			if (cp == ' ' || !isAsciiLetter(cp) && Folding.letters(cp) == null && leet(cp) == 0) {
				i += Character.charCount(cp);
				continue;
			}
			int from = i;
			int to = i;
			boolean hasLetter = false;
			while (to < n) {
				int c = original.codePointAt(to);
				if (isAsciiLetter(c) || Folding.letters(c) != null) {
					hasLetter = true;
				}
				else if (leet(c) == 0 && !(c >= 0x300 && Folding.isMark(c))) {
					break;
				}
				to += Character.charCount(c);
			}
			i = to;
			if (!hasLetter) {
				continue; // "30 pills": a number stays a number
			}
			// punctuation at a token's edge ("die!") stays punctuation; edge digits may be leet ("d13")
			while (from < to && Folding.letters(original.codePointAt(from)) == null && !isDigit(original.codePointAt(from))) {
				from += Character.charCount(original.codePointAt(from));
			}
			while (to > from && Folding.letters(original.codePointBefore(to)) == null
					&& !isDigit(original.codePointBefore(to))) {
				to -= Character.charCount(original.codePointBefore(to));
			}
			tokenStart[tokens++] = count;
			int k = from;
			while (k < to) {
				int c = original.codePointAt(k);
				int next = k + Character.charCount(c);
				if (isAsciiLetter(c)) {
					letters[count] = (char) (c | 0x20);
					letterStart[count] = k;
					letterEnd[count++] = next;
					k = next;
					continue;
				}
				String folded = Folding.letters(c);
				if (folded != null) {
					for (int f = 0; f < folded.length(); f++) {
						letters[count] = folded.charAt(f);
						letterStart[count] = k;
						letterEnd[count++] = next;
					}
				}
				else if (c >= 0x300 && Folding.isMark(c)) {
					if (count > 0) {
						letterEnd[count - 1] = next;
					}
				}
				else {
					letters[count] = leet(c);
					letterStart[count] = k;
					letterEnd[count++] = next;
				}
				k = next;
			}
		}
		tokenStart[tokens] = count;

		// pass 2: three or more one-letter tokens in a row are one word spelled out ("k i l l",
		// "k.i.l.l"); stretched letters are squeezed; slips in long words corrected
		// a char array rather than a StringBuilder: one plain store per character (measured)
		int[] start = new int[count * 2 + 64];
		int[] end = new int[count * 2 + 64];
		char[] out = new char[start.length];
		int length = 0;
		int t = 0;
		while (t < tokens) {
			int u = t;
			while (u < tokens && tokenStart[u + 1] - tokenStart[u] == 1) {
				u++;
			}
			int next = u - t >= 3 ? u : t + 1;
			int from = tokenStart[t];
			int to = tokenStart[next];
			if (length > 0) {
				int last = length - 1;
				start[length] = end[last];
				end[length] = letterStart[from];
				out[length++] = ' ';
			}
			length = appendWord(letters, letterStart, letterEnd, from, to, out, length, start, end, preferredLanguage);
			t = next;
		}
		return new FoldedText(new String(out, 0, length), start, end);
	}

	/** Appends one word at {@code out[length]}; returns the new length. */
	private int appendWord(char[] letters, int[] letterStart, int[] letterEnd, int from, int to, char[] out, int length,
			int[] start, int[] end, String preferredLanguage) {
		int wordStart = length;
		boolean squeeze = to - from > 3;
		for (int k = from; k < to; k++) {
			int last = length - 1;
			if (squeeze && last >= wordStart && out[last] == letters[k]) {
				end[last] = letterEnd[k];
				continue;
			}
			start[length] = letterStart[k];
			end[length] = letterEnd[k];
			out[length++] = letters[k];
		}
		if (length - wordStart < MIN_ANCHOR) {
			return length;
		}
		String word = new String(out, wordStart, length - wordStart);
		java.util.Set<String> knownIn = this.knownWords.get(word);
		boolean known = knownIn != null && (preferredLanguage == null || knownIn.contains(preferredLanguage));
		String corrected = known ? null : nearestAnchor(word, preferredLanguage);
		if (corrected != null) {
			int s = start[wordStart];
			int e = end[length - 1];
			length = wordStart;
			for (int k = 0; k < corrected.length(); k++) {
				start[length] = s;
				end[length] = e;
				out[length++] = corrected.charAt(k);
			}
		}
		return length;
	}

	/** The anchor one edit (insertion, deletion, substitution, transposition) away, if any. */
	private String nearestAnchor(String w, String preferredLanguage) {
		char first = w.charAt(0);
		char last = w.charAt(w.length() - 1);
		List<Anchor> byFirst = first < 128 ? this.anchorsByFirst.get(first) : List.of();
		List<Anchor> byLast = last < 128 ? this.anchorsByLast.get(last) : List.of();
		for (Anchor a : byFirst) {
			if (a.word().equals(w)) {
				return null;
			}
		}
		String found = null;
		for (List<Anchor> anchors : List.of(byFirst, byLast)) {
			for (Anchor a : anchors) {
				if (withinOneEdit(w, a.word())) {
					if (a.languages().contains(preferredLanguage)) {
						return a.word();
					}
					if (found == null) {
						found = a.word();
					}
				}
			}
		}
		return found;
	}

	static boolean withinOneEdit(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1) {
			return false;
		}
		int i = 0;
		while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (i == la && i == lb) {
			return true;
		}
		if (la == lb) {
			// substitution or transposition
			if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
				return true;
			}
			return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
					&& a.regionMatches(i + 2, b, i + 2, la - i - 2);
		}
		if (la > lb) {
			return a.regionMatches(i + 1, b, i, lb - i);
		}
		return b.regionMatches(i + 1, a, i, la - i);
	}

}
