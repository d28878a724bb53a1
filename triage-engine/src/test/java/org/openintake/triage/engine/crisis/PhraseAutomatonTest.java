package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array automaton must report what org.ahocorasick's trie (which it replaced) reports, in the same
 * order: the detector's choice of finding depends on the order of the candidates.
 */
class PhraseAutomatonTest {

	@Test
	void reportsEveryOverlappingOccurrenceByEndThenKeyword() {
		PhraseAutomaton<String> a = PhraseAutomaton.<String>builder().addKeyword("he", "1").addKeyword("she", "2")
			.addKeyword("his", "3").addKeyword("hers", "4").addKeyword("", "empty").addKeyword("she", "again").build();
		assertThat(describe(a.parseText("ushers"))).containsExactly("2-3 he 1", "1-3 she 2", "2-5 hers 4");
		assertThat(a.parseText("")).isEmpty();
		assertThat(a.parseText("xyz \u00e9\u4e2d")).isEmpty();
	}

	@Test
	void matchesTheLibraryTrieOnRandomText() {
		Random random = new Random(12);
		String alphabet = "abcde ,.0\u00e9";
		for (int round = 0; round < 200; round++) {
			PhraseAutomaton.Builder<String> mine = PhraseAutomaton.builder();
			PayloadTrie.PayloadTrieBuilder<String> theirs = PayloadTrie.builder();
			for (int k = 0; k < 1 + random.nextInt(40); k++) {
				String keyword = randomText(random, alphabet, 1 + random.nextInt(6));
				mine.addKeyword(keyword, "p" + k);
				theirs.addKeyword(keyword, "p" + k);
			}
			PhraseAutomaton<String> a = mine.build();
			PayloadTrie<String> t = theirs.build();
			String text = randomText(random, alphabet + "xyz\u4e2d", random.nextInt(300));
			List<String> expected = new ArrayList<>();
			for (PayloadEmit<String> e : t.parseText(text)) {
				expected.add(e.getStart() + "-" + e.getEnd() + " " + e.getKeyword() + " " + e.getPayload());
			}
			assertThat(describe(a.parseText(text))).as(text).containsExactlyElementsOf(expected);
		}
	}

	private static List<String> describe(List<PhraseAutomaton.Emit<String>> emits) {
		List<String> out = new ArrayList<>();
		for (PhraseAutomaton.Emit<String> e : emits) {
			out.add(e.getStart() + "-" + e.getEnd() + " " + e.getKeyword() + " " + e.getPayload());
		}
		return out;
	}

	private static String randomText(Random random, String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
