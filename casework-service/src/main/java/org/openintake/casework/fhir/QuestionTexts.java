package org.openintake.casework.fhir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The intake form's questions in English ({@code fhir/questions.properties}), for the Questionnaires' item texts. */
final class QuestionTexts {

	private static final Properties TEXTS = load();

	private QuestionTexts() {
	}

	/** The text under this key, or null if the form has none (the item is then named by its linkId alone). */
	static String of(String key) {
		return TEXTS.getProperty(key);
	}

	private static Properties load() {
		Properties texts = new Properties();
		try (Reader reader = new InputStreamReader(
				QuestionTexts.class.getResourceAsStream("/fhir/questions.properties"), StandardCharsets.UTF_8)) {
			texts.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return texts;
	}

}
