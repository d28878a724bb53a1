package org.openintake.localstack;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the metric names out of a PromQL expression, well enough to check dashboards and alert
 * rules against what the services expose: label matchers, grouping clauses, strings and durations
 * are dropped, and what is left that is not a function or keyword is a metric name.
 */
final class PromQl {

	private static final Set<String> NOT_METRICS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
			"increase", "delta", "deriv", "histogram_quantile", "by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "vector", "scalar", "abs", "clamp_min", "clamp_max", "topk",
			"bottomk", "min_over_time", "max_over_time", "avg_over_time", "absent", "offset", "bool", "time",
			"label_replace", "round", "le", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String stripped = expression.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
			.replaceAll("\"[^\"]*\"", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b\\d+(\\.\\d+)?\\b", " ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(stripped);
		while (matcher.find()) {
			String name = matcher.group();
			if (!NOT_METRICS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
