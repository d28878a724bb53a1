package org.openintake.triage.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The paraphrase matrix's generated statements, for training the second opinion (a test class of
 * another package): each as {language, category name or null for a hard negative, text}.
 */
public final class ParaphraseMatrixRows {

	private ParaphraseMatrixRows() {
	}

	public static List<String[]> rows() {
		List<String[]> out = new ArrayList<>();
		ParaphraseMatrixTest.CRISIS.forEach(c -> out.add(new String[] { c.language(), c.category().name(), c.text() }));
		ParaphraseMatrixTest.NEGATIVE.forEach(c -> out.add(new String[] { c.language(), null, c.text() }));
		return out;
	}

}
