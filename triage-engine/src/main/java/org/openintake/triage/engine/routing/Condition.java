package org.openintake.triage.engine.routing;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openintake.events.Track;

/**
 * One condition of a routing rule, parsed once at load from text such as {@code phq9 >= 10},
 * {@code gad7 in 10..19}, {@code tmsScreen == CLEAR}, {@code interest.TMS}, {@code topic.ocd}
 * or {@code not crisis}. Unknown facts or operators fail the load, naming the rule.
 */
final class Condition {

	private Condition() {
	}

	static Predicate<RoutingFacts> parse(String text, String ruleId) {
		String t = text.strip();
		if (t.startsWith("not ")) {
			return parse(t.substring(4), ruleId).negate();
		}
		String[] parts = t.split("\\s+");
		if (parts.length == 1) {
			return bool(parts[0], ruleId);
		}
		if (parts.length != 3) {
			throw bad(text, ruleId, "expected '<fact> <op> <value>'");
		}
		String fact = parts[0];
		String op = parts[1];
		String value = parts[2];
		if (fact.equals("tmsScreen")) {
			RoutingFacts.TmsScreen expected = RoutingFacts.TmsScreen.valueOf(value);
			return switch (op) {
				case "==" -> f -> f.tmsScreen() == expected;
				case "!=" -> f -> f.tmsScreen() != expected;
				default -> throw bad(text, ruleId, "tmsScreen takes == or !=");
			};
		}
		Function<RoutingFacts, Integer> number = number(fact, text, ruleId);
		if (op.equals("in")) {
			String[] range = value.split("\\.\\.");
			if (range.length != 2) {
				throw bad(text, ruleId, "a range is written 10..19");
			}
			int lo = Integer.parseInt(range[0]);
			int hi = Integer.parseInt(range[1]);
			return f -> {
				Integer n = number.apply(f);
				return n != null && n >= lo && n <= hi;
			};
		}
		int v = Integer.parseInt(value);
		return switch (op) {
			case ">=" -> f -> present(number.apply(f)) && number.apply(f) >= v;
			case ">" -> f -> present(number.apply(f)) && number.apply(f) > v;
			case "<=" -> f -> present(number.apply(f)) && number.apply(f) <= v;
			case "<" -> f -> present(number.apply(f)) && number.apply(f) < v;
			case "==" -> f -> present(number.apply(f)) && number.apply(f) == v;
			default -> throw bad(text, ruleId, "unknown operator " + op);
		};
	}

	private static boolean present(Integer n) {
		return n != null;
	}

	private static Function<RoutingFacts, Integer> number(String fact, String text, String ruleId) {
		return switch (fact) {
			case "phq9" -> RoutingFacts::phq9;
			case "gad7" -> RoutingFacts::gad7;
			case "antidepressantTrials" -> RoutingFacts::antidepressantTrials;
			default -> throw bad(text, ruleId, "unknown number fact " + fact);
		};
	}

	private static Predicate<RoutingFacts> bool(String fact, String ruleId) {
		if (fact.startsWith("interest.")) {
			Track track = Track.valueOf(fact.substring("interest.".length()));
			return f -> f.interests().contains(track);
		}
		if (fact.startsWith("topic.")) {
			String topic = fact.substring("topic.".length()).toLowerCase(Locale.ROOT);
			return f -> f.topics().contains(topic);
		}
		return switch (fact) {
			case "auditC" -> RoutingFacts::auditC;
			case "dast10" -> RoutingFacts::dast10;
			case "pcPtsd5" -> RoutingFacts::pcPtsd5;
			case "asrsA" -> RoutingFacts::asrsA;
			case "triedPsychotherapy" -> RoutingFacts::triedPsychotherapy;
			case "crisis" -> RoutingFacts::crisis;
			case "hasText" -> RoutingFacts::hasText;
			case "otherwise" -> f -> true;
			default -> throw bad(fact, ruleId, "unknown fact " + fact);
		};
	}

	/** Topics a rule may name; a typo in the table must not silently never fire. */
	static void checkTopic(String fact, Set<String> knownTopics, String ruleId) {
		if (fact.startsWith("topic.") && !knownTopics.contains(fact.substring("topic.".length()))) {
			throw bad(fact, ruleId, "no lexicon defines topic " + fact.substring("topic.".length()));
		}
	}

	private static IllegalStateException bad(String text, String ruleId, String why) {
		return new IllegalStateException("routing rule " + ruleId + ": '" + text + "': " + why);
	}

}
