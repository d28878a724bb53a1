package org.openintake.benchmark;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus histogram series (cumulative {@code _bucket} counts by upper bound {@code le},
 * {@code _count}, {@code _sum}), read from the text exposition format, as a snapshot that can be
 * subtracted from a later one to get what happened in between.
 */
record PrometheusHistogram(NavigableMap<Double, Long> cumulative, long count, double sum) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");

	static final PrometheusHistogram EMPTY = new PrometheusHistogram(new TreeMap<>(), 0, 0);

	/**
	 * The series of {@code name} (base name, without {@code _bucket}) whose labels include
	 * {@code label="value"}.
	 */
	static PrometheusHistogram parse(String exposition, String name, String label, String value) {
		NavigableMap<Double, Long> buckets = new TreeMap<>();
		long count = 0;
		double sum = 0;
		String wanted = label + "=\"" + value + "\"";
		for (String line : exposition.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find() || !sample.group(2).contains(wanted)) {
				continue;
			}
			String metric = sample.group(1);
			double number = Double.parseDouble(sample.group(3));
			if (metric.equals(name + "_bucket")) {
				Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(sample.group(2));
				if (le.find()) {
					buckets.put(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)),
							(long) number);
				}
			}
			else if (metric.equals(name + "_count")) {
				count = (long) number;
			}
			else if (metric.equals(name + "_sum")) {
				sum = number;
			}
		}
		return new PrometheusHistogram(buckets, count, sum);
	}

	/** What was recorded after {@code earlier}. */
	PrometheusHistogram minus(PrometheusHistogram earlier) {
		NavigableMap<Double, Long> buckets = new TreeMap<>();
		for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
			buckets.put(bucket.getKey(), bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0L));
		}
		return new PrometheusHistogram(buckets, count - earlier.count, sum - earlier.sum);
	}

	/**
	 * Percentiles as bucket upper bounds, in milliseconds (the histogram is in seconds): the true
	 * value is at most that, and above the next lower bound.
	 */
	Latencies toLatencies() {
		return toLatencies(count);
	}

	/**
	 * As {@link #toLatencies()}, for {@code expected} cases of which only {@link #count()} have been
	 * recorded so far: the missing ones are slower than every recorded one, so they count as
	 * infinitely slow (a percentile among them is +∞, and the mean covers only what was recorded).
	 */
	Latencies toLatencies(long expected) {
		long of = Math.max(expected, count);
		if (of == 0 || count == 0) {
			return of == 0 ? Latencies.NONE
					: new Latencies(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
							Double.POSITIVE_INFINITY, Double.NaN, true);
		}
		return new Latencies(count, boundMs(0.50, of), boundMs(0.99, of), boundMs(0.999, of), boundMs(1.0, of),
				sum / count * 1000, true);
	}

	private double boundMs(double quantile, long of) {
		long rank = (long) Math.ceil(quantile * of);
		for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
			if (bucket.getValue() >= rank) {
				return bucket.getKey() * 1000;
			}
		}
		return Double.POSITIVE_INFINITY;
	}

}
