package org.openintake.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What ops will see: Debian's Prometheus scrapes the running stack with the project's own alert
 * rules. After a known number of routine and crisis submissions the key series move by exactly
 * that much; every meter the dashboards and alerts query is really exposed; and a poison record
 * written straight to a topic makes the dead-letter alert fire.
 */
@ExtendWith(SharedStack.class)
class PrometheusScrapeTest {

	private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	private static ManagedProcess prometheus;

	private static String prometheusUrl;

	@BeforeAll
	static void startPrometheus(LocalStack sharedStack) throws IOException {
		assumeTrue(Files.isExecutable(PROMETHEUS), "Debian's prometheus package is not installed");
		stack = sharedStack;
		Path repository = StackHome.locate().repository();
		Path dir = StackHome.locate().target().resolve("prometheus-scrape");
		Files.createDirectories(dir);
		Ports ports = stack.ports();
		// The project's own rules, next to a config that scrapes this test's stack every second.
		Files.copy(repository.resolve("ops/prometheus/alerts.yml"), dir.resolve("alerts.yml"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(dir.resolve("prometheus.yml"), """
				global: {scrape_interval: 1s, evaluation_interval: 1s}
				rule_files: [alerts.yml]
				scrape_configs:
				  - {job_name: intake-service, metrics_path: /actuator/prometheus, static_configs: [{targets: ["127.0.0.1:%d"]}]}
				  - {job_name: triage-service, metrics_path: /actuator/prometheus, static_configs: [{targets: ["127.0.0.1:%d"]}]}
				  - {job_name: notification-service, metrics_path: /actuator/prometheus, static_configs: [{targets: ["127.0.0.1:%d"]}]}
				  - {job_name: casework-service, metrics_path: /actuator/prometheus, static_configs: [{targets: ["127.0.0.1:%d"]}]}
				""".formatted(Ports.management(ports.intake()), Ports.management(ports.triage()),
				Ports.management(ports.notification()), Ports.management(ports.casework())));
		int port = freePort();
		prometheusUrl = "http://127.0.0.1:" + port;
		prometheus = new ManagedProcess("prometheus",
				List.of(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
						"--storage.tsdb.path=" + dir.resolve("data-" + UUID.randomUUID()),
						"--web.listen-address=127.0.0.1:" + port),
				dir.resolve("prometheus.log"));
		prometheus.start();
		Readiness.awaitHttpOk(prometheus, prometheusUrl + "/-/ready", Duration.ofSeconds(60));
		await("all four services scraped").atMost(Duration.ofSeconds(60))
			.until(() -> value("sum(up{job=~\"intake-service|triage-service|notification-service|casework-service\"})") == 4);
	}

	@AfterAll
	static void stopPrometheus() {
		if (prometheus != null) {
			prometheus.stop(Duration.ofSeconds(10));
		}
	}

	@Test
	void keySeriesCountExactlyTheCasesSubmitted() throws Exception {
		Map<String, String> queries = Map.of(
				"accepted", "sum(intake_submissions_total{outcome=\"accepted\"})",
				"crisisDecisions", "sum(triage_decisions_total{crisis=\"true\"})",
				"routineDecisions", "sum(triage_decisions_total{crisis=\"false\"})",
				"crisisEmails", "sum(notification_emails_total{kind=\"staff_crisis\",result=\"sent\"})",
				"routineEmails", "sum(notification_emails_total{kind=\"staff_routine\",result=\"sent\"})",
				"crisisLatencyCount", "sum(notification_end_to_end_latency_seconds_count{lane=\"crisis\"})",
				"crisisFlags", "sum(triage_crisis_flags_total)");
		Map<String, Double> before = settled(queries);

		int routine = 3;
		int crisis = 2;
		Mailboxes mailboxes = new Mailboxes(stack);
		for (int i = 0; i < routine; i++) {
			mailboxes.awaitMessageAbout("cbt@clinic.local", submit(Intakes.routine()));
		}
		for (int i = 0; i < crisis; i++) {
			mailboxes.awaitMessageAbout("crisis-oncall@clinic.local", submit(Intakes.crisis()));
		}

		await("the scraped series to count the cases").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(delta(queries, before, "accepted")).isEqualTo(routine + crisis);
			// Triage is at-least-once: an intake redelivered after an earlier test's broker restart
			// is decided (and counted) again, with the same decision id; the ledger keeps the
			// emails exact, so those are counted exactly below.
			assertThat(delta(queries, before, "crisisDecisions")).isGreaterThanOrEqualTo(crisis);
			assertThat(delta(queries, before, "routineDecisions")).isGreaterThanOrEqualTo(routine);
			assertThat(delta(queries, before, "crisisEmails")).isEqualTo(crisis);
			assertThat(delta(queries, before, "routineEmails")).isEqualTo(routine);
			assertThat(delta(queries, before, "crisisLatencyCount")).isEqualTo(crisis);
			assertThat(delta(queries, before, "crisisFlags")).isGreaterThanOrEqualTo(crisis);
		});
		// A case id must never become a label value.
		JsonNode labels = get("/api/v1/labels").get("data");
		labels.forEach(label -> assertThat(label.asString()).doesNotContainIgnoringCase("case"));
	}

	@Test
	void everyMeterTheDashboardsAndAlertsQueryIsExposed() throws Exception {
		Path repository = StackHome.locate().repository();
		Set<String> queried = new TreeSet<>();
		try (Stream<Path> dashboards = Files.list(repository.resolve("ops/grafana/dashboards"))) {
			for (Path dashboard : dashboards.filter(path -> path.toString().endsWith(".json")).toList()) {
				JsonNode tree = json.readTree(dashboard.toFile());
				tree.findValues("expr").forEach(expr -> queried.addAll(PromQl.metricNames(expr.asString())));
			}
		}
		Map<String, List<Map<String, List<Map<String, Object>>>>> rules = new Yaml()
			.load(Files.readString(repository.resolve("ops/prometheus/alerts.yml")));
		rules.get("groups")
			.forEach(group -> group.get("rules")
				.forEach(rule -> queried.addAll(PromQl.metricNames(rule.get("expr").toString()))));
		assertThat(queried).contains("intake_submissions_total", "triage_decisions_total",
				"notification_end_to_end_latency_seconds_bucket", "notification_dlq_records_total",
				"casework_crisis_acknowledgement_overdue", "casework_crisis_unacknowledged");

		// Some meters appear with the first case of their kind: send one of each through.
		Mailboxes mailboxes = new Mailboxes(stack);
		mailboxes.awaitMessageAbout("cbt@clinic.local", submit(Intakes.routine()));
		mailboxes.awaitMessageAbout("crisis-oncall@clinic.local", submit(Intakes.crisis()));
		await("every queried meter scraped").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Set<String> exposed = new TreeSet<>();
			get("/api/v1/label/__name__/values").get("data").forEach(name -> exposed.add(name.asString()));
			assertThat(exposed).containsAll(queried);
		});
	}

	@Test
	void aPoisonRecordMakesTheDeadLetterAlertFire() throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.ports().bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("intake-submissions", "poison-" + UUID.randomUUID(),
					"this is not JSON".getBytes(StandardCharsets.UTF_8))).get();
		}
		// both readers of intake-submissions dead-letter it, and each one's alert fires
		await("DeadLetterRecords firing").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Set<String> firing = new TreeSet<>();
			for (JsonNode alert : get("/api/v1/alerts").get("data").get("alerts")) {
				if (alert.get("labels").get("alertname").asString().equals("DeadLetterRecords")
						&& alert.get("state").asString().equals("firing")) {
					firing.add(alert.get("labels").get("job").asString());
				}
			}
			return firing.containsAll(Set.of("triage-service", "casework-service"));
		});
	}

	private static String submit(String body) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(60))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("caseId").asString();
	}

	/**
	 * The values once earlier tests' last cases have been counted and scraped: the same in two
	 * reads a few scrapes apart (a case's meters move in several services, not all at once).
	 */
	private static Map<String, Double> settled(Map<String, String> queries) {
		List<Map<String, Double>> reads = new java.util.ArrayList<>();
		await("the series to settle before counting").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(3))
			.until(() -> {
				Map<String, Double> read = new HashMap<>();
				queries.forEach((key, query) -> read.put(key, value(query)));
				reads.add(read);
				return reads.size() > 1 && reads.get(reads.size() - 2).equals(read);
			});
		return reads.get(reads.size() - 1);
	}

	private static double delta(Map<String, String> queries, Map<String, Double> before, String key) {
		return value(queries.get(key)) - before.get(key);
	}

	/** The value of an instant query, 0 when it has no result yet (a series not yet created). */
	private static double value(String query) {
		JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.get("data")
			.get("result");
		return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).get("value").get(1).asString());
	}

	private static JsonNode get(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
