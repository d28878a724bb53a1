package org.openintake.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusHistogramTest {

	private static String exposition(long fast, long slow, double sum) {
		return """
				# HELP notification_end_to_end_latency_seconds From the patient's submission to SMTP accepting the staff email
				# TYPE notification_end_to_end_latency_seconds histogram
				notification_end_to_end_latency_seconds_bucket{application="notification-service",lane="crisis",le="0.05"} %d
				notification_end_to_end_latency_seconds_bucket{application="notification-service",lane="crisis",le="0.1"} %d
				notification_end_to_end_latency_seconds_bucket{application="notification-service",lane="crisis",le="2.0"} %d
				notification_end_to_end_latency_seconds_bucket{application="notification-service",lane="crisis",le="+Inf"} %d
				notification_end_to_end_latency_seconds_count{application="notification-service",lane="crisis"} %d
				notification_end_to_end_latency_seconds_sum{application="notification-service",lane="crisis"} %s
				notification_end_to_end_latency_seconds_bucket{application="notification-service",lane="routine",le="0.05"} 999
				notification_end_to_end_latency_seconds_count{application="notification-service",lane="routine"} 999
				""".formatted(fast, fast, fast + slow, fast + slow, fast + slow, sum);
	}

	@Test
	void aSnapshotMinusAnEarlierOneIsWhatHappenedInBetween() {
		PrometheusHistogram before = PrometheusHistogram.parse(exposition(10, 0, 0.4), EndToEndMeter.METRIC, "lane",
				"crisis");
		PrometheusHistogram after = PrometheusHistogram.parse(exposition(108, 2, 6.4), EndToEndMeter.METRIC, "lane",
				"crisis");

		PrometheusHistogram between = after.minus(before);

		assertThat(between.count()).isEqualTo(100);
		Latencies latencies = between.toLatencies();
		// 98 of the 100 new cases in the first bucket, 2 in the (0.1, 2.0] bucket
		assertThat(latencies.p50()).isEqualTo(50.0);
		assertThat(latencies.p99()).isEqualTo(2000.0);
		assertThat(latencies.max()).isEqualTo(2000.0);
		assertThat(latencies.mean()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(latencies.bucketBound()).isTrue();
	}

	@Test
	void casesNotYetRecordedCountAsSlowerThanAnything() {
		PrometheusHistogram recorded = PrometheusHistogram.parse(exposition(98, 0, 1.0), EndToEndMeter.METRIC, "lane",
				"crisis");

		Latencies ofHundred = recorded.toLatencies(100);

		assertThat(ofHundred.p50()).isEqualTo(50.0);
		assertThat(ofHundred.p99()).isInfinite();
		assertThat(ofHundred.p99Text()).isEqualTo("∞");
	}

	@Test
	void onlyTheAskedLaneIsRead() {
		PrometheusHistogram routine = PrometheusHistogram.parse(exposition(1, 0, 0.01), EndToEndMeter.METRIC, "lane",
				"routine");
		assertThat(routine.count()).isEqualTo(999);
	}

}
