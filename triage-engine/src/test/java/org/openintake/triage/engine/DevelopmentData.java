package org.openintake.triage.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CrisisCategory;

/**
 * What the second opinion's training (a test class of another package) needs from this package's
 * development tests: the statement codes and crisis forms of the corpus, and the paraphrase matrix's
 * generated statements.
 */
public final class DevelopmentData {

	private DevelopmentData() {
	}

	/** Corpus and batch codes (PAS, ACT, ...) to categories. */
	public static Map<String, CrisisCategory> codes() {
		return CrisisCorpusTest.CODES;
	}

	/** Corpus forms whose statements are the writer's current crisis. */
	public static Set<String> crisisForms() {
		return CrisisCorpusTest.CRISIS_FORMS;
	}

	/** The matrix's statements, each as {language, category name or null for a hard negative, text}. */
	public static List<String[]> matrixRows() {
		List<String[]> out = new ArrayList<>();
		ParaphraseMatrixTest.CRISIS.forEach(c -> out.add(new String[] { c.language(), c.category().name(), c.text() }));
		ParaphraseMatrixTest.NEGATIVE.forEach(c -> out.add(new String[] { c.language(), null, c.text() }));
		return out;
	}

}
