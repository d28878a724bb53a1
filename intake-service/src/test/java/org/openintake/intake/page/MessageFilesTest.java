package org.openintake.intake.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language has every text: a missing key would show a patient "phq9.q9" instead of a
 * question. The keys the page needs are read from the page itself and from its question tables.
 */
class MessageFilesTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Map<String, String> messages(String lang) throws IOException {
		return json.readValue(new ClassPathResource("static/i18n/" + lang + ".json").getInputStream(),
				new TypeReference<Map<String, String>>() {
				});
	}

	private static String resource(String path) throws IOException {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

	/** Keys named in the HTML and built by the scripts (questions, answers, step names). */
	private static Set<String> keysThePageUses() throws IOException {
		Set<String> keys = new LinkedHashSet<>();
		Matcher attributes = Pattern.compile("data-i18n=\"([^\"]+)\"").matcher(resource("static/index.html"));
		while (attributes.find()) {
			keys.add(attributes.group(1));
		}
		Map<String, Integer> scales = Map.of("phq9", 9, "gad7", 7, "auditC", 3, "dast10", 10, "pcPtsd5", 5, "asrsA", 6);
		scales.forEach((instrument, items) -> {
			for (int item = 1; item <= items; item++) {
				keys.add(instrument + ".q" + item);
			}
		});
		for (int item = 1; item <= 3; item++) {
			for (int answer = 0; answer <= 4; answer++) {
				keys.add("auditC.q" + item + ".a" + answer);
			}
		}
		for (int value = 0; value <= 3; value++) {
			keys.add("scale.freq." + value);
		}
		for (int value = 0; value <= 4; value++) {
			keys.add("scale.often." + value);
		}
		for (String question : List.of("wishDead", "suicidalThoughts", "method", "intent", "plan", "behavior",
				"behaviorWithin3Months")) {
			keys.add("cssrs." + question);
		}
		for (String question : List.of("metalInHead", "implantedDevice", "seizures", "pregnant")) {
			keys.add("tmsSafety." + question);
		}
		for (String step : List.of("about", "phq9", "gad7", "cssrs", "story", "treatment", "substance", "trauma",
				"attention", "contact")) {
			keys.add(step + ".stepName");
		}
		String scripts = resource("static/js/instruments.js");
		Matcher codes = Pattern.compile("export const (TRIED|INTERESTS) = \\[([^\\]]+)\\]").matcher(scripts);
		while (codes.find()) {
			String prefix = codes.group(1).equals("TRIED") ? "tried." : "track.";
			for (String code : codes.group(2).replaceAll("[\\s']", "").split(",")) {
				keys.add(prefix + code);
			}
		}
		for (String key : List.of("answer.yes", "answer.no", "page.otherCountry", "help.offline", "nav.progress",
				"error.required", "error.range", "error.size", "error.email", "error.phone", "error.past", "error.consent",
				"error.invalid", "error.general", "error.fields", "error.network", "error.unavailable", "error.tooLarge")) {
			keys.add(key);
		}
		return keys;
	}

	@Test
	void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
		Set<String> english = new TreeSet<>(messages("en").keySet());
		for (String lang : List.of("es", "de", "fr", "it")) {
			assertThat(new TreeSet<>(messages(lang).keySet())).as(lang).isEqualTo(english);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es", "de", "fr", "it" })
	void everyTextThePageNeedsIsThereAndNotBlank(String lang) throws IOException {
		Map<String, String> messages = messages(lang);
		Set<String> needed = keysThePageUses();
		assertThat(needed).hasSizeGreaterThan(150);
		assertThat(messages.keySet()).containsAll(needed);
		messages.forEach((key, text) -> assertThat(text).as(lang + " " + key).isNotBlank());
		assertThat(messages.get("error.unavailable")).contains("{seconds}");
		assertThat(messages.get("nav.progress")).contains("{step}").contains("{total}").contains("{title}");
	}

	@Test
	void theTranslationsAreTranslated() throws IOException {
		Map<String, String> english = messages("en");
		for (String lang : List.of("es", "de", "fr", "it")) {
			Map<String, String> other = messages(lang);
			long same = english.keySet().stream().filter(key -> english.get(key).equals(other.get(key))).count();
			// numbers ("1 or 2" aside), "Neurofeedback", "Mindfulness" may be the same; questions may not
			assertThat(same).as(lang + " texts identical to English").isLessThan(12);
			for (int item = 1; item <= 9; item++) {
				assertThat(other.get("phq9.q" + item)).as(lang + " phq9.q" + item).isNotEqualTo(english.get("phq9.q" + item));
			}
		}
	}

}
