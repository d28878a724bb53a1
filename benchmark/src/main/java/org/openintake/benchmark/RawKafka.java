package org.openintake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: Kafka's own {@code ProducerPerformance} and {@code EndToEndLatency} (kafka-tools,
 * the same version as the broker) against the stack's broker, each as a child process from the
 * jars in benchmark/target/lib, with acks=all and records the size of a real intake event.
 */
final class RawKafka {

	private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
			+ "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, "
			+ "(\\d+) ms 99th, (\\d+) ms 99.9th");

	private static final Pattern E2E_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

	private static final Pattern E2E_PERCENTILES = Pattern
		.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

	private final Path lib;

	private final String bootstrapServers;

	private final Path logDir;

	RawKafka(Path lib, String bootstrapServers, Path logDir) {
		this.lib = lib;
		this.bootstrapServers = bootstrapServers;
		this.logDir = logDir;
	}

	/**
	 * ProducerPerformance: {@code records} values of {@code recordSize} bytes, acks=all, at
	 * {@code throughput} records/s (-1: as fast as it can).
	 *
	 * @param lingerMs the producer's linger.ms (intake-service sends with 0; Kafka 4's default is 5)
	 */
	ProducerRun producerPerformance(String topic, int records, int recordSize, int throughput, Integer lingerMs) {
		List<String> command = new ArrayList<>(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
				"--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
				"--throughput", Integer.toString(throughput), "--producer-props",
				"bootstrap.servers=" + bootstrapServers, "acks=all"));
		if (lingerMs != null) {
			command.add("linger.ms=" + lingerMs);
		}
		String output = run("producer-performance-" + topic, command);
		return ProducerRun.parse(output);
	}

	/** EndToEndLatency: one record at a time, produced (acks=all) and consumed before the next. */
	EndToEndRun endToEndLatency(String topic, int records, int recordSize) {
		String output = run("end-to-end-latency", List.of("org.apache.kafka.tools.EndToEndLatency", bootstrapServers, topic,
				Integer.toString(records), "all", Integer.toString(recordSize)));
		return EndToEndRun.parse(output);
	}

	private String run(String name, List<String> toolArguments) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", lib.resolve("*").toString()));
		command.addAll(toolArguments);
		Path log = logDir.resolve(name + ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not finish within 5 minutes, see " + log);
			}
			String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "), see " + log);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** ProducerPerformance's final summary line; its percentiles are whole milliseconds. */
	record ProducerRun(long records, double recordsPerSecond, double megabytesPerSecond, double avgMs, double maxMs,
			int p50Ms, int p95Ms, int p99Ms, int p999Ms) {

		static ProducerRun parse(String output) {
			Matcher matcher = PRODUCER_SUMMARY.matcher(output);
			ProducerRun last = null;
			while (matcher.find()) {
				last = new ProducerRun(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
						Double.parseDouble(matcher.group(5)), Integer.parseInt(matcher.group(6)),
						Integer.parseInt(matcher.group(7)), Integer.parseInt(matcher.group(8)),
						Integer.parseInt(matcher.group(9)));
			}
			if (last == null) {
				throw new IllegalStateException("No ProducerPerformance summary in:\n" + output);
			}
			return last;
		}

	}

	/** EndToEndLatency's result: the mean to 0.1 µs, percentiles truncated to whole milliseconds. */
	record EndToEndRun(double avgMs, int p50Ms, int p99Ms, int p999Ms) {

		static EndToEndRun parse(String output) {
			Matcher average = E2E_AVERAGE.matcher(output);
			Matcher percentiles = E2E_PERCENTILES.matcher(output);
			if (!average.find() || !percentiles.find()) {
				throw new IllegalStateException("No EndToEndLatency result in:\n" + output);
			}
			return new EndToEndRun(Double.parseDouble(average.group(1)), Integer.parseInt(percentiles.group(1)),
					Integer.parseInt(percentiles.group(2)), Integer.parseInt(percentiles.group(3)));
		}

	}

}
