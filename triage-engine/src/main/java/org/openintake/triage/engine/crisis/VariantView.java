package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.HashMap;
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

	private final Map<Character, List<Anchor>> anchorsByFirst = new HashMap<>();

	private final Map<Character, List<Anchor>> anchorsByLast = new HashMap<>();

	/** @param anchorWords anchor word -> the languages it belongs to */
	VariantView(Map<String, java.util.Set<String>> anchorWords) {
		anchorWords.forEach((word, languages) -> {
			String a = squeeze(Folding.phrase(word));
			if (a.length() < MIN_ANCHOR || a.indexOf(' ') >= 0) {
				return;
			}
			Anchor anchor = new Anchor(a, languages);
			this.anchorsByFirst.computeIfAbsent(a.charAt(0), k -> new ArrayList<>()).add(anchor);
			this.anchorsByLast.computeIfAbsent(a.charAt(a.length() - 1), k -> new ArrayList<>()).add(anchor);
		});
	}

	/** A lexicon phrase as this view spells it: letters only, squeezed, words kept apart. */
	static String phrase(String phrase) {
		String folded = Folding.phrase(phrase);
		StringBuilder out = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isLetter(c)) {
				out.append(c);
			}
			else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
				out.append(' ');
			}
		}
		return squeeze(out.toString().strip());
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

	private static boolean isDigit(int cp) {
		return cp >= '0' && cp <= '9';
	}

	private record Token(StringBuilder letters, List<int[]> spans) {
	}

	/**
	 * @param preferredLanguage when a slip is one edit from anchors of two languages ("suicido":
	 * "suicidio", "suicide"), the writer's language wins
	 */
	FoldedText view(String original, String preferredLanguage) {
		List<Token> tokens = tokenize(original);
		tokens = joinSpelledOut(tokens);
		StringBuilder out = new StringBuilder(original.length());
		// letters can only grow through folds like ß -> ss and anchor corrections (one letter each)
		int[] start = new int[original.length() * 2 + 64];
		int[] end = new int[original.length() * 2 + 64];
		for (Token token : tokens) {
			if (!out.isEmpty()) {
				int last = out.length() - 1;
				start[out.length()] = end[last];
				end[out.length()] = token.spans.get(0)[0];
				out.append(' ');
			}
			squeezeAndCorrect(token, out, start, end, preferredLanguage);
		}
		return new FoldedText(out.toString(), start, end);
	}

	private void squeezeAndCorrect(Token token, StringBuilder out, int[] start, int[] end, String preferredLanguage) {
		StringBuilder squeezed = new StringBuilder(token.letters.length());
		List<int[]> spans = new ArrayList<>(token.spans.size());
		for (int i = 0; i < token.letters.length(); i++) {
			char c = token.letters.charAt(i);
			if (!squeezed.isEmpty() && squeezed.charAt(squeezed.length() - 1) == c) {
				spans.get(spans.size() - 1)[1] = token.spans.get(i)[1];
				continue;
			}
			squeezed.append(c);
			spans.add(new int[] { token.spans.get(i)[0], token.spans.get(i)[1] });
		}
		String corrected = squeezed.length() >= MIN_ANCHOR ? nearestAnchor(squeezed, preferredLanguage) : null;
		if (corrected != null) {
			int s = spans.get(0)[0];
			int e = spans.get(spans.size() - 1)[1];
			for (int i = 0; i < corrected.length(); i++) {
				start[out.length()] = s;
				end[out.length()] = e;
				out.append(corrected.charAt(i));
			}
			return;
		}
		for (int i = 0; i < squeezed.length(); i++) {
			start[out.length()] = spans.get(i)[0];
			end[out.length()] = spans.get(i)[1];
			out.append(squeezed.charAt(i));
		}
	}

	/** The anchor one edit (insertion, deletion, substitution, transposition) away, if any. */
	private String nearestAnchor(CharSequence word, String preferredLanguage) {
		String w = word.toString();
		List<Anchor> byFirst = this.anchorsByFirst.getOrDefault(w.charAt(0), List.of());
		List<Anchor> byLast = this.anchorsByLast.getOrDefault(w.charAt(w.length() - 1), List.of());
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

	/**
	 * Tokens are runs of letters and leet characters containing at least one letter; digits alone
	 * ("30 pills") stay numbers, and punctuation at a token's edge ("die!") stays punctuation.
	 */
	private static List<Token> tokenize(String original) {
		List<Token> tokens = new ArrayList<>();
		int n = original.length();
		int i = 0;
		while (i < n) {
			int cp = original.codePointAt(i);
			if (Folding.letters(cp) == null && leet(cp) == 0) {
				i += Character.charCount(cp);
				continue;
			}
			int tokenStart = i;
			int j = i;
			boolean hasLetter = false;
			while (j < n) {
				int c = original.codePointAt(j);
				if (Folding.letters(c) != null) {
					hasLetter = true;
				}
				else if (leet(c) == 0) {
					break;
				}
				j += Character.charCount(c);
			}
			if (hasLetter) {
				tokens.add(buildToken(original, tokenStart, j));
			}
			i = j;
		}
		tokens.removeIf(t -> t.letters.isEmpty());
		return tokens;
	}

	private static Token buildToken(String original, int from, int to) {
		// trim edge punctuation that only looks like leet; edge digits can be leet (d13)
		while (from < to) {
			int cp = original.codePointAt(from);
			if (Folding.letters(cp) != null || isDigit(cp)) {
				break;
			}
			from += Character.charCount(cp);
		}
		while (to > from) {
			int cp = original.codePointBefore(to);
			if (Folding.letters(cp) != null || isDigit(cp)) {
				break;
			}
			to -= Character.charCount(cp);
		}
		StringBuilder letters = new StringBuilder(to - from);
		List<int[]> spans = new ArrayList<>(to - from);
		int i = from;
		while (i < to) {
			int cp = original.codePointAt(i);
			int next = i + Character.charCount(cp);
			String folded = Folding.letters(cp);
			if (folded != null) {
				for (int k = 0; k < folded.length(); k++) {
					letters.append(folded.charAt(k));
					spans.add(new int[] { i, next });
				}
			}
			else {
				letters.append(leet(cp));
				spans.add(new int[] { i, next });
			}
			i = next;
		}
		return new Token(letters, spans);
	}

	/** Three or more one-letter tokens in a row are one word spelled out: "k i l l", "k.i.l.l". */
	private static List<Token> joinSpelledOut(List<Token> tokens) {
		List<Token> out = new ArrayList<>(tokens.size());
		int i = 0;
		while (i < tokens.size()) {
			int j = i;
			while (j < tokens.size() && tokens.get(j).letters.length() == 1) {
				j++;
			}
			if (j - i >= 3) {
				Token joined = new Token(new StringBuilder(), new ArrayList<>());
				for (int k = i; k < j; k++) {
					joined.letters.append(tokens.get(k).letters);
					joined.spans.addAll(tokens.get(k).spans);
				}
				out.add(joined);
				i = j;
			}
			else {
				out.add(tokens.get(i));
				i++;
			}
		}
		return out;
	}

}
