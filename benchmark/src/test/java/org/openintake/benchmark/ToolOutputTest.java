package org.openintake.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures taken from Kafka's tools and from /proc, parsed from what they really print. */
class ToolOutputTest {

	@Test
	void producerPerformanceSummaryIsTheLastLineWithPercentiles() {
		String output = """
				68473 records sent, 13694.6 records/sec (12.81 MB/sec), 1394.2 ms avg latency, 2201.0 ms max latency.
				100000 records sent, 14065.400844 records/sec (13.16 MB/sec), 1335.33 ms avg latency, 2201.00 ms max latency, 334 ms 50th, 470 ms 95th, 510 ms 99th, 524 ms 99.9th.
				""";

		RawKafka.ProducerRun run = RawKafka.ProducerRun.parse(output);

		assertThat(run.records()).isEqualTo(100000);
		assertThat(run.recordsPerSecond()).isEqualTo(14065.400844);
		assertThat(run.p50Ms()).isEqualTo(334);
		assertThat(run.p99Ms()).isEqualTo(510);
		assertThat(run.p999Ms()).isEqualTo(524);
	}

	@Test
	void endToEndLatencyResult() {
		String output = """
				0	38.405891
				1000	1.872
				Avg latency: 2.8472 ms
				Percentiles: 50th = 1, 99th = 12, 99.9th = 61
				""";

		RawKafka.EndToEndRun run = RawKafka.EndToEndRun.parse(output);

		assertThat(run.avgMs()).isEqualTo(2.8472);
		assertThat(run.p50Ms()).isEqualTo(1);
		assertThat(run.p99Ms()).isEqualTo(12);
	}

	@Test
	void aToolThatPrintedNoResultIsAnError() {
		assertThatThrownBy(() -> RawKafka.EndToEndRun.parse("poll() timed out")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> RawKafka.ProducerRun.parse("")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void processCpuTimeIsUtimePlusStimeEvenWithSpacesInTheName() {
		String stat = "4242 (java main thread) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
		assertThat(CpuUsage.parseProcessJiffies(stat)).isEqualTo(1234 + 567);
	}

	@Test
	void machineBusyLeavesOutIdleAndIowait() {
		long[] busyTotal = CpuUsage.parseMachineJiffies("cpu  100 5 50 800 40 3 2 0 0 0");
		assertThat(busyTotal[0]).isEqualTo(100 + 5 + 50 + 3 + 2);
		assertThat(busyTotal[1]).isEqualTo(1000);
	}

	@Test
	void rssInKilobytes() {
		assertThat(Rss.parseKilobytes("VmRSS:\t  312340 kB")).isEqualTo(312340);
	}

	@Test
	void ratiosAndFigures() {
		assertThat(Report.ratio(50, 5)).isEqualTo("10.00");
		// EndToEndLatency truncates to whole ms: its 0 means under 1 ms
		assertThat(Report.ratio(3, 0)).isEqualTo("3.00");
		assertThat(Latencies.format(0.4567, false)).isEqualTo("0.46");
		assertThat(Latencies.format(45.67, true)).isEqualTo("≤45.7");
		assertThat(Latencies.format(1234.5, false)).isEqualTo("1235");
		assertThat(Latencies.format(Double.NaN, false)).isEqualTo("–");
	}

}
