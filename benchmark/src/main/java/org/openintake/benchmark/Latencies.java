package org.openintake.benchmark;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The figures a scenario prints for one latency: count, p50, p99, p99.9, max and mean, in
 * milliseconds.
 *
 * @param bucketBound true when the percentiles come from a Prometheus histogram: each is then the
 * upper bound of the bucket the percentile falls in (at most that, never less), and max is the
 * highest non-empty bucket's bound
 */
record Latencies(long count, double p50, double p99, double p999, double max, double mean, boolean bucketBound) {

	static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);

	/** From a histogram recorded in microseconds. */
	static Latencies ofMicros(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Latencies(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
				micros.getMean() / 1000.0, false);
	}

	/** A new histogram for latencies in microseconds, from 1 µs up to 10 minutes at 3 significant digits. */
	static Histogram newMicrosHistogram() {
		return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
	}

	private static double ms(long micros) {
		return micros / 1000.0;
	}

	/** One figure in milliseconds as the tables show it: "≤" marks a bucket bound, "–" no data. */
	static String format(double ms, boolean bound) {
		if (Double.isNaN(ms)) {
			return "–";
		}
		if (Double.isInfinite(ms)) {
			// not delivered within the wait: slower than anything measured
			return "∞";
		}
		String number = ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
				: ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
		return (bound ? "≤" : "") + number;
	}

	String p50Text() {
		return format(p50, bucketBound);
	}

	String p99Text() {
		return format(p99, bucketBound);
	}

	String p999Text() {
		return format(p999, bucketBound);
	}

	String maxText() {
		return format(max, bucketBound);
	}

	String meanText() {
		return format(mean, false);
	}

}
