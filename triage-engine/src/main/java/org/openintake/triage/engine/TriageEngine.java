package org.openintake.triage.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import org.openintake.triage.engine.crisis.CrisisDetector;
import org.openintake.triage.engine.crisis.CrisisFinding;
import org.openintake.triage.engine.crisis.TextFindings;
import org.openintake.triage.engine.routing.Routing;
import org.openintake.triage.engine.routing.RoutingFacts;
import org.openintake.triage.engine.routing.RoutingTable;
import org.openintake.triage.engine.scoring.QuestionnaireScoring;
import org.openintake.triage.engine.scoring.RiskItem;
import org.openintake.triage.engine.scoring.ScoreSheet;

/**
 * The triage engine: crisis detection over every free-text answer in all loaded languages,
 * questionnaire scoring and track routing, returning one {@link Assessment}. Load it once; it is
 * immutable and thread-safe, and does no I/O after loading.
 */
public final class TriageEngine {

	/** Free-text fields in the order they are read, with the source path each flag reports. */
	private static final List<String> SOURCES = List.of("answers.concerns", "answers.history", "answers.goals");

	/** Words in "treatments tried" that mean a talking therapy. */
	private static final List<String> PSYCHOTHERAPY = List.of("cbt", "therapy", "therapie", "terapia", "therapie",
			"psychotherap", "psicoterap", "mbsr", "dbt", "emdr", "erp", "counsel");

	private final CrisisDetector detector;

	private final RoutingTable routing;

	private TriageEngine(CrisisDetector detector, RoutingTable routing) {
		this.detector = detector;
		this.routing = routing;
	}

	/**
	 * Loads the crisis lexicons and the routing table from the classpath. Fails with an
	 * {@link IllegalStateException} naming the file and entry when any of them is malformed.
	 */
	public static TriageEngine loadDefault() {
		CrisisDetector detector = CrisisDetector.loadDefault();
		return new TriageEngine(detector, RoutingTable.loadDefault(detector.topics()));
	}

	/** The routing table's version, as published in {@link Assessment#rulesetVersion()}. */
	public String rulesetVersion() {
		return this.routing.version();
	}

	/** The crisis lexicons' versions and the second opinion's, e.g. {@code en@2026-12-01.1,es@...,second-opinion@dev-…}. */
	public String lexiconVersion() {
		return this.detector.version();
	}

	/**
	 * Assesses a whole intake.
	 *
	 * @throws IllegalArgumentException when a required questionnaire is missing or an answer is
	 * out of range
	 */
	public Assessment assess(IntakeForm form) {
		if (form == null) {
			throw new IllegalArgumentException("intake form is required");
		}
		String sex = form.patient() == null ? null : form.patient().sex();
		ScoreSheet sheet = QuestionnaireScoring.score(form.questionnaires(), sex);
		IntakeForm.Answers answers = form.answers();
		List<String> texts = answers == null ? List.of()
				: java.util.Arrays.asList(answers.concerns(), answers.history(), answers.goals());
		List<TextFindings> found = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			found.add(this.detector.detect(texts.get(i), SOURCES.get(i), form.locale()));
		}
		return decide(found, sheet, form.treatment(), texts.stream().anyMatch(t -> t != null && !t.isBlank()));
	}

	/**
	 * Assesses free text alone (the clinical safety officer's playground): crisis flags, risk
	 * level and the track the words alone suggest. Flags report the source {@code text}.
	 *
	 * @param locale the writer's language if known; it only decides which language a phrase shared
	 * by two lexicons is reported in, never which lexicons run
	 */
	public Assessment assessText(String text, String locale) {
		if (text == null) {
			throw new IllegalArgumentException("text is required");
		}
		TextFindings findings = this.detector.detect(text, "text", locale == null ? null : locale.toLowerCase(Locale.ROOT));
		return decide(List.of(findings), ScoreSheet.EMPTY, null, !text.isBlank());
	}

	private Assessment decide(List<TextFindings> found, ScoreSheet sheet, IntakeForm.Treatment treatment,
			boolean hasText) {
		List<CrisisFinding> findings = new ArrayList<>();
		Set<String> topics = new LinkedHashSet<>();
		for (TextFindings f : found) {
			findings.addAll(f.findings());
			topics.addAll(f.topics());
		}
		RiskAggregation.Result risk = RiskAggregation.aggregate(findings, sheet.riskItems());
		for (CrisisFinding f : findings) {
			if (f.counts() && f.flag().category() == CrisisCategory.COMMAND_HALLUCINATIONS) {
				topics.add("psychosis");
			}
		}

		List<String> rationale = new ArrayList<>();
		rationale.addAll(crisisSentences(findings, risk));
		rationale.addAll(sheet.rationale());
		Routing route = this.routing.route(facts(sheet, treatment, topics, risk.crisis(), hasText));
		rationale.addAll(route.rationale());

		List<CaseTriaged.Flag> flags = new ArrayList<>();
		sheet.riskItems().stream().map(RiskItem::flag).forEach(flags::add);
		findings.stream().map(CrisisFinding::flag).forEach(flags::add);
		return new Assessment(risk.crisis(), risk.level(), List.copyOf(flags), sheet.scores(), route.track(),
				route.secondaryTracks(), List.copyOf(rationale), this.routing.version());
	}

	/**
	 * One sentence per category found in the free text, naming the rule and the field but never
	 * quoting the patient: the rationale may travel further than the flags.
	 */
	private static List<String> crisisSentences(List<CrisisFinding> findings, RiskAggregation.Result risk) {
		Map<CrisisCategory, List<CrisisFinding>> current = new EnumMap<>(CrisisCategory.class);
		Map<CrisisCategory, List<CrisisFinding>> lowered = new EnumMap<>(CrisisCategory.class);
		for (CrisisFinding f : findings) {
			(f.counts() ? current : lowered).computeIfAbsent(f.flag().category(), k -> new ArrayList<>()).add(f);
		}
		List<String> out = new ArrayList<>();
		current.forEach((category, list) -> out.add("Crisis language: " + describe(category) + " in " + where(list)
				+ (list.stream().anyMatch(CrisisFinding::soon) ? ", with a timing word nearby" : "") + "."));
		lowered.forEach((category, list) -> {
			for (CrisisFinding f : list) {
				CaseTriaged.Flag flag = f.flag();
				String why = flag.negated() ? "negated" : flag.otherExperiencer() ? "about someone else (third-party concern)"
						: "in the past";
				out.add("Not counted as current: " + describe(category) + " " + why + " in " + flag.source() + " (rule "
						+ ruleName(flag.ruleId()) + ").");
			}
		});
		if (risk.crisis()) {
			out.add("Crisis: risk level " + risk.level() + ".");
		}
		return out;
	}

	private static String where(List<CrisisFinding> list) {
		Set<String> parts = new LinkedHashSet<>();
		for (CrisisFinding f : list) {
			parts.add(f.flag().source() + " (rule " + ruleName(f.flag().ruleId())
					+ (f.flag().hypothetical() ? ", hypothetical or question" : "") + ")");
		}
		return String.join(", ", parts);
	}

	/**
	 * A frame's or the second opinion's rule id lists the patient's words in brackets; the rationale
	 * names the rule without them.
	 */
	private static String ruleName(String ruleId) {
		int bracket = ruleId.indexOf('[');
		return bracket < 0 ? ruleId : ruleId.substring(0, bracket);
	}

	private static String describe(CrisisCategory category) {
		return switch (category) {
			case SUICIDAL_IDEATION_PASSIVE -> "passive suicidal ideation";
			case SUICIDAL_IDEATION_ACTIVE -> "active suicidal ideation";
			case SUICIDE_PLAN -> "a suicide plan";
			case SUICIDE_INTENT -> "suicidal intent";
			case SUICIDE_PREPARATION -> "preparation for suicide";
			case SUICIDE_MEANS -> "access to or thoughts of means";
			case RECENT_ATTEMPT -> "a suicide attempt";
			case SELF_HARM -> "self-harm";
			case HARM_TO_OTHERS -> "thoughts of harming others";
			case DANGER_FROM_OTHERS -> "danger from others";
			case COMMAND_HALLUCINATIONS -> "command hallucinations";
		};
	}

	private static RoutingFacts facts(ScoreSheet sheet, IntakeForm.Treatment treatment, Set<String> topics, boolean crisis,
			boolean hasText) {
		Set<Track> interests = EnumSet.noneOf(Track.class);
		int trials = 0;
		boolean psychotherapy = false;
		RoutingFacts.TmsScreen screen = RoutingFacts.TmsScreen.INCOMPLETE;
		if (treatment != null) {
			if (treatment.interests() != null) {
				interests.addAll(treatment.interests());
			}
			trials = treatment.antidepressantTrials() == null ? 0 : treatment.antidepressantTrials();
			if (treatment.tried() != null) {
				for (String tried : treatment.tried()) {
					String t = tried == null ? "" : tried.toLowerCase(Locale.ROOT);
					psychotherapy |= PSYCHOTHERAPY.stream().anyMatch(t::contains);
				}
			}
			screen = screen(treatment.tmsSafety());
		}
		return new RoutingFacts(sheet.total(Instrument.PHQ9), sheet.total(Instrument.GAD7), sheet.positive(Instrument.AUDIT_C),
				sheet.positive(Instrument.DAST10), sheet.positive(Instrument.PC_PTSD5), sheet.positive(Instrument.ASRS_A),
				trials, screen, interests, topics, psychotherapy, crisis, hasText);
	}

	private static RoutingFacts.TmsScreen screen(IntakeForm.TmsSafety s) {
		if (s == null) {
			return RoutingFacts.TmsScreen.INCOMPLETE;
		}
		List<Boolean> answers = java.util.Arrays.asList(s.metalInHead(), s.implantedDevice(), s.seizures(), s.pregnant());
		if (answers.contains(Boolean.TRUE)) {
			return RoutingFacts.TmsScreen.CONTRAINDICATED;
		}
		return answers.contains(null) ? RoutingFacts.TmsScreen.INCOMPLETE : RoutingFacts.TmsScreen.CLEAR;
	}

}
