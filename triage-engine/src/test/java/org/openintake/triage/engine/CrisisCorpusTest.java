package org.openintake.triage.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the engine over the labelled evaluation corpus ({@code corpus/crisis-<lang>.txt}) and fails
 * the build when crisis recall falls below 100% or the false-alarm rate on statements that are not
 * a crisis rises above 5%. Prints a table per language and category, and per form.
 *
 * <p>A crisis row is a hit when the assessment is a crisis and a current flag of the row's category
 * was raised. A negated, historical or third-party row must raise its flag with that context (so the
 * context rule is proven to work, not the lexicon to be blind) and must not make a crisis; an idiom
 * or benign row must not make a crisis.
 */
class CrisisCorpusTest {

	static final Set<String> CRISIS_FORMS = Set.of("plain", "slang", "misspelt", "pseudo-negated", "hypothetical",
			"question");

	static final Set<String> REQUIRED_FORMS = Set.of("plain", "misspelt", "negated", "pseudo-negated", "historical",
			"hypothetical", "third-party", "question");

	static final Set<String> LANGUAGES = Set.of("en", "es", "de", "fr", "it");

	record Row(String line, String language, String label, String form, String text) {

		boolean crisisExpected() {
			return CRISIS_FORMS.contains(this.form);
		}

		CrisisCategory category() {
			return "benign".equals(this.form) ? null : CrisisCategory.valueOf(this.label);
		}

	}

	record Outcome(Row row, boolean ok, String why) {
	}

	static final Map<String, CrisisCategory> CODES = Map.ofEntries(
			Map.entry("PAS", CrisisCategory.SUICIDAL_IDEATION_PASSIVE), Map.entry("ACT", CrisisCategory.SUICIDAL_IDEATION_ACTIVE),
			Map.entry("PLAN", CrisisCategory.SUICIDE_PLAN), Map.entry("INT", CrisisCategory.SUICIDE_INTENT),
			Map.entry("PREP", CrisisCategory.SUICIDE_PREPARATION), Map.entry("MEANS", CrisisCategory.SUICIDE_MEANS),
			Map.entry("ATT", CrisisCategory.RECENT_ATTEMPT), Map.entry("SH", CrisisCategory.SELF_HARM),
			Map.entry("HARM", CrisisCategory.HARM_TO_OTHERS), Map.entry("DANGER", CrisisCategory.DANGER_FROM_OTHERS),
			Map.entry("CMD", CrisisCategory.COMMAND_HALLUCINATIONS));

	/** Reads {@code corpus/crisis-<lang>.txt}: one {@code CODE|form|text} per line, # comments. */
	static List<Row> load() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String language : List.of("en", "es", "de", "fr", "it")) {
			String file = "/corpus/crisis-" + language + ".txt";
			try (InputStream in = CrisisCorpusTest.class.getResourceAsStream(file)) {
				if (in == null) {
					throw new IllegalStateException("missing " + file);
				}
				String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
				for (int i = 0; i < lines.length; i++) {
					String line = lines[i];
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] f = line.split("\\|", 3);
					String where = file + ":" + (i + 1);
					if (f.length != 3) {
						throw new IllegalStateException(where + ": expected CODE|form|text");
					}
					String label = CODES.containsKey(f[0]) ? CODES.get(f[0]).name() : f[0];
					Row row = new Row(where, language, label, f[1], f[2].strip());
					if ("benign".equals(row.form())) {
						Track.valueOf(row.label());
					}
					else if (!CODES.containsKey(f[0])) {
						throw new IllegalStateException(where + ": unknown category code " + f[0]);
					}
					else if (!REQUIRED_FORMS.contains(row.form()) && !Set.of("slang", "idiom").contains(row.form())) {
						throw new IllegalStateException(where + ": unknown form " + row.form());
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

	static Outcome judge(TriageEngine engine, Row row) {
		Assessment a = engine.assessText(row.text(), row.language());
		List<CaseTriaged.Flag> flags = a.flags();
		CrisisCategory category = row.category();
		boolean current = flags.stream().anyMatch(f -> f.category() == category && !f.negated() && !f.historical()
				&& !f.otherExperiencer());
		switch (row.form()) {
			case "plain", "slang", "misspelt", "pseudo-negated" -> {
				return new Outcome(row, a.crisis() && current, a.crisis() ? "no current " + category + " flag" : "missed");
			}
			case "hypothetical", "question" -> {
				boolean marked = flags.stream().anyMatch(f -> f.category() == category && f.hypothetical());
				return new Outcome(row, a.crisis() && current && marked,
						!a.crisis() ? "missed" : !current ? "no current " + category + " flag" : "not marked hypothetical");
			}
			case "negated" -> {
				boolean marked = flags.stream().anyMatch(f -> f.category() == category && f.negated());
				return new Outcome(row, !a.crisis() && marked, a.crisis() ? "false alarm" : "no negated " + category + " flag");
			}
			case "historical" -> {
				boolean marked = flags.stream().anyMatch(f -> f.category() == category && f.historical());
				return new Outcome(row, !a.crisis() && marked, a.crisis() ? "false alarm" : "no historical " + category + " flag");
			}
			case "third-party" -> {
				boolean selfDirected = category != CrisisCategory.HARM_TO_OTHERS && category != CrisisCategory.DANGER_FROM_OTHERS
						&& category != CrisisCategory.COMMAND_HALLUCINATIONS;
				boolean marked = !selfDirected || flags.stream().anyMatch(f -> f.otherExperiencer());
				return new Outcome(row, !a.crisis() && marked, a.crisis() ? "false alarm" : "no third-party flag");
			}
			default -> {
				return new Outcome(row, !a.crisis(), "false alarm");
			}
		}
	}

	@Test
	void recallIsCompleteAndFalseAlarmsStayUnderFivePercent() throws IOException {
		TriageEngine engine = TriageEngine.loadDefault();
		List<Row> rows = load();
		List<Outcome> outcomes = rows.stream().map(r -> judge(engine, r)).toList();

		// per language and category: crisis rows found / total, non-crisis rows alarmed / total
		Map<String, int[]> table = new TreeMap<>();
		Map<String, int[]> byForm = new TreeMap<>();
		int crisisRows = 0;
		int crisisHits = 0;
		int calmRows = 0;
		int falseAlarms = 0;
		List<Outcome> failures = new ArrayList<>();
		for (Outcome o : outcomes) {
			Row r = o.row();
			String key = r.language() + " | " + ("benign".equals(r.form()) ? "benign:" + r.label() : r.label());
			int[] cell = table.computeIfAbsent(key, k -> new int[4]);
			int[] formCell = byForm.computeIfAbsent(r.language() + " | " + r.form(), k -> new int[4]);
			if (r.crisisExpected()) {
				crisisRows++;
				cell[1]++;
				formCell[1]++;
				if (o.ok()) {
					crisisHits++;
					cell[0]++;
					formCell[0]++;
				}
			}
			else {
				calmRows++;
				cell[3]++;
				formCell[3]++;
				boolean alarm = engine.assessText(r.text(), r.language()).crisis();
				if (alarm) {
					falseAlarms++;
					cell[2]++;
					formCell[2]++;
				}
			}
			if (!o.ok()) {
				failures.add(o);
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("\nCrisis corpus: ").append(rows.size()).append(" statements\n");
		out.append(String.format("%-42s %14s %16s%n", "language | category", "crisis found", "false alarms"));
		table.forEach((k, c) -> out.append(String.format("%-42s %14s %16s%n", k, c[1] == 0 ? "-" : c[0] + "/" + c[1],
				c[3] == 0 ? "-" : c[2] + "/" + c[3])));
		out.append(String.format("%n%-42s %14s %16s%n", "language | form", "crisis found", "false alarms"));
		byForm.forEach((k, c) -> out.append(String.format("%-42s %14s %16s%n", k, c[1] == 0 ? "-" : c[0] + "/" + c[1],
				c[3] == 0 ? "-" : c[2] + "/" + c[3])));
		double recall = crisisRows == 0 ? 0 : 100.0 * crisisHits / crisisRows;
		double falseAlarmRate = calmRows == 0 ? 0 : 100.0 * falseAlarms / calmRows;
		out.append(String.format("%nRecall %d/%d = %.1f%%   false alarms %d/%d = %.1f%%   rows failing their check: %d%n",
				crisisHits, crisisRows, recall, falseAlarms, calmRows, falseAlarmRate, failures.size()));
		failures.forEach(f -> out.append("  line ").append(f.row().line()).append(" [").append(f.row().language())
			.append(' ').append(f.row().label()).append(' ').append(f.row().form()).append("] ").append(f.why())
			.append(": ").append(f.row().text()).append('\n'));
		System.out.println(out);

		assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
		for (String language : LANGUAGES) {
			assertThat(rows.stream().filter(r -> r.language().equals(language))).as(language).hasSizeGreaterThanOrEqualTo(60);
			for (CrisisCategory category : CrisisCategory.values()) {
				for (String form : REQUIRED_FORMS) {
					assertThat(rows).as("%s %s %s", language, category, form)
						.anyMatch(r -> r.language().equals(language) && r.label().equals(category.name()) && r.form().equals(form));
				}
			}
			for (String form : List.of("slang", "idiom")) {
				assertThat(rows).as("%s %s", language, form).anyMatch(r -> r.language().equals(language) && r.form().equals(form));
			}
			for (Track track : EnumSet.allOf(Track.class)) {
				assertThat(rows).as("%s benign %s", language, track)
					.anyMatch(r -> r.language().equals(language) && r.form().equals("benign") && r.label().equals(track.name()));
			}
		}
		assertThat(recall).as("crisis recall (%%)").isEqualTo(100.0);
		assertThat(falseAlarmRate).as("false-alarm rate (%%)").isLessThanOrEqualTo(5.0);
	}

}
