package org.openintake.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a case's time goes inside the services, from the meters they already publish: the mean
 * time of each stage (timer deltas between two snapshots) and the Kafka producer's own averages.
 * A stage handled one record at a time on one thread can do at most 1000 / mean-ms records a second.
 */
final class StageMeters {

	/** A Micrometer timer: {@code metric_sum} / {@code metric_count} over the series whose labels contain every filter. */
	record Stage(String what, Service service, String metric, List<String> filters) {
	}

	/** A Kafka client gauge (already a windowed average): the highest over matching series. */
	record Gauge(String what, Service service, String metric) {
	}

	static final List<Stage> STAGES = List.of(
			new Stage("intake: POST /api/intakes, server side (202s)", Service.INTAKE, "http_server_requests_seconds",
					List.of("uri=\"/api/intakes\"", "status=\"202\"")),
			new Stage("intake: Kafka send → broker ack (acks=all)", Service.INTAKE, "spring_kafka_template_seconds",
					List.of("result=\"success\"")),
			new Stage("notification: cases-crisis record (on-call email + patient email)", Service.NOTIFICATION,
					"spring_kafka_listener_seconds", List.of("'cases-crisis'")),
			new Stage("notification: cases-routed record (staff email + patient email if consented)", Service.NOTIFICATION,
					"spring_kafka_listener_seconds", List.of("'cases-routed'")),
			new Stage("notification: intake-submissions record (case status row)", Service.NOTIFICATION,
					"spring_kafka_listener_seconds", List.of("'intake-submissions'")));

	static final List<Gauge> GAUGES = List.of(
			new Gauge("triage producer: time a record waits in the producer (linger), ms", Service.TRIAGE,
					"kafka_producer_record_queue_time_avg"),
			new Gauge("triage producer: produce request latency, ms", Service.TRIAGE, "kafka_producer_request_latency_avg"),
			new Gauge("triage producer: records per produce request", Service.TRIAGE,
					"kafka_producer_records_per_request_avg"),
			new Gauge("intake producer: time a record waits in the producer, ms", Service.INTAKE,
					"kafka_producer_record_queue_time_avg"),
			new Gauge("intake producer: produce request latency, ms", Service.INTAKE, "kafka_producer_request_latency_avg"));

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s+(\\S+)$");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final StackPorts ports;

	StageMeters(StackPorts ports) {
		this.ports = ports;
	}

	Snapshot snapshot() {
		Map<Service, String> expositions = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			expositions.put(service, scrape(ports.prometheusUrl(service.port(ports))));
		}
		Map<String, double[]> timers = new LinkedHashMap<>();
		for (Stage stage : STAGES) {
			timers.put(stage.what(), new double[] { sum(expositions.get(stage.service()), stage.metric() + "_sum", stage.filters()),
					sum(expositions.get(stage.service()), stage.metric() + "_count", stage.filters()) });
		}
		Map<String, Double> gauges = new LinkedHashMap<>();
		for (Gauge gauge : GAUGES) {
			gauges.put(gauge.what(), highest(expositions.get(gauge.service()), gauge.metric()));
		}
		return new Snapshot(timers, gauges);
	}

	static double sum(String exposition, String name, List<String> filters) {
		double total = 0;
		for (String line : exposition.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches() && sample.group(1).equals(name)) {
				String labels = sample.group(2) == null ? "" : sample.group(2);
				if (filters.stream().allMatch(labels::contains)) {
					total += Double.parseDouble(sample.group(3));
				}
			}
		}
		return total;
	}

	static double highest(String exposition, String name) {
		double highest = Double.NaN;
		for (String line : exposition.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches() && sample.group(1).equals(name)) {
				double value = Double.parseDouble(sample.group(3));
				if (!Double.isNaN(value) && (Double.isNaN(highest) || value > highest)) {
					highest = value;
				}
			}
		}
		return highest;
	}

	private String scrape(String url) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param timers per stage {sum seconds, count}
	 * @param gauges the Kafka producers' own averages at the moment of the snapshot
	 */
	record Snapshot(Map<String, double[]> timers, Map<String, Double> gauges) {

		/** Mean milliseconds and count per stage since {@code earlier}; gauges as of now. */
		Snapshot minus(Snapshot earlier) {
			Map<String, double[]> delta = new LinkedHashMap<>();
			timers.forEach((what, now) -> {
				double[] before = earlier.timers.getOrDefault(what, new double[] { 0, 0 });
				delta.put(what, new double[] { now[0] - before[0], now[1] - before[1] });
			});
			return new Snapshot(delta, gauges);
		}

		double meanMs(String what) {
			double[] timer = timers.get(what);
			return timer == null || timer[1] == 0 ? Double.NaN : 1000 * timer[0] / timer[1];
		}

		long count(String what) {
			double[] timer = timers.get(what);
			return timer == null ? 0 : (long) timer[1];
		}

	}

}
