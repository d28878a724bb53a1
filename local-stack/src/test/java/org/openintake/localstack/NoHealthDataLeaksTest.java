package org.openintake.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a privacy reviewer checks on a running system: a canary in every free-text field of real
 * intakes, and in poison records written straight to every topic; staff then work the cases in
 * casework (a view, a note and a status change whose texts hold the canary too). Afterwards no
 * service log, metric scrape, dead-letter header, email, {@code case-activity} event, casework
 * audit-log line or notification's PostgreSQL tables hold it. The record values on the input
 * topics (DLQs included) and casework's case record are the places the canary may be: they are
 * the systems of record.
 */
@ExtendWith(SharedStack.class)
class NoHealthDataLeaksTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** In answers and treatments tried: health data, allowed on the topics only. */
	private static final String TEXT_CANARY = "textcanary" + UUID.randomUUID().toString().replace("-", "");

	/** In the patient's name: may reach the on-call email (call back), nothing else. */
	private static final String NAME_CANARY = "namecanary" + UUID.randomUUID().toString().replace("-", "");

	private static LocalStack stack;

	private static Mailboxes mail;

	private static String routineCase;

	private static String crisisCase;

	private static List<String> poisonKeys;

	@BeforeAll
	static void submitCanariesAndPoison(LocalStack shared) throws Exception {
		stack = shared;
		mail = new Mailboxes(shared);
		routineCase = submit(withCanaries(Intakes.routine("Low mood and poor sleep. " + TEXT_CANARY)));
		crisisCase = submit(withCanaries(Intakes.crisis("I want to kill myself. " + TEXT_CANARY)));
		poisonKeys = writePoison();

		mail.awaitMessageAbout("cbt@clinic.local", routineCase);
		mail.awaitMessageAbout("crisis-oncall@clinic.local", crisisCase);
		DeadLetters deadLetters = new DeadLetters(shared.ports().bootstrapServers());
		await("every poison record dead-lettered").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> deadLetters.all().stream().map(ConsumerRecord::key).toList().containsAll(poisonKeys));
		// staff work both cases; what they write may hold health data too
		await("both cases in casework").atMost(Duration.ofSeconds(60)).until(() -> {
			StaffSession lead = StaffSession.signIn(stack, "lead");
			return lead.open("/staff/cases/" + crisisCase).statusCode() == 200
					&& lead.open("/staff/cases/" + routineCase).statusCode() == 200;
		});
		StaffSession onCall = StaffSession.signIn(stack, "oncall");
		assertThat(onCall.act(crisisCase, "acknowledge", java.util.Map.of()).statusCode()).isEqualTo(200);
		assertThat(onCall.act(crisisCase, "notes", java.util.Map.of("note", "Rang back. " + TEXT_CANARY)).statusCode())
			.isEqualTo(200);
		StaffSession cbt = StaffSession.signIn(stack, "cbt");
		assertThat(cbt.act(routineCase, "status", java.util.Map.of("status", "CONTACTED", "reason",
				"Spoke about " + TEXT_CANARY)).statusCode()).isEqualTo(200);
		// the escalation about the unreadable crisis record and any acknowledgements are in
		mail.settledTotal();
	}

	@Test
	void noServiceLogHoldsTheCanaries() throws IOException {
		for (Path log : serviceLogs()) {
			String text = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(text).as(log.toString()).doesNotContain(TEXT_CANARY).doesNotContain(NAME_CANARY);
		}
	}

	@Test
	void noMetricHoldsTheCanaries() throws Exception {
		for (SpringService service : List.of(stack.intake(), stack.triage(), stack.notification(), stack.casework())) {
			String scrape = get(service.managementUrl() + "/actuator/prometheus");
			assertThat(scrape).as(service.url()).contains("jvm_memory").doesNotContain(TEXT_CANARY).doesNotContain(NAME_CANARY);
		}
	}

	@Test
	void deadLetterHeadersHoldNoCanaryThoughTheRecordsDo() {
		List<ConsumerRecord<String, byte[]>> poison = new DeadLetters(stack.ports().bootstrapServers()).all()
			.stream()
			.filter(record -> poisonKeys.contains(record.key()))
			.toList();
		assertThat(poison).hasSizeGreaterThanOrEqualTo(poisonKeys.size());
		for (ConsumerRecord<String, byte[]> record : poison) {
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("the original bytes are kept")
				.contains(TEXT_CANARY);
			for (Header header : record.headers()) {
				assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(record.topic() + " header " + header.key())
					.doesNotContain(TEXT_CANARY)
					.doesNotContain(NAME_CANARY)
					.doesNotContain("Exception")
					.doesNotContain("\tat ");
			}
		}
	}

	@Test
	void emailsHoldNoFreeTextAndSubjectsNoName() {
		for (String mailbox : mail.mailboxes()) {
			for (JsonNode message : mail.messages(mailbox)) {
				assertThat(message.get("mimeMessage").asString()).as(mailbox).doesNotContain(TEXT_CANARY);
				assertThat(message.get("subject").asString()).as(mailbox).doesNotContain(NAME_CANARY);
			}
		}
		assertThat(mail.allAbout(crisisCase)).as("the name is there for the call back")
			.anySatisfy(message -> assertThat(message.get("mimeMessage").asString()).contains(NAME_CANARY));
	}

	@Test
	void theNotificationDatabaseHoldsNoAnswersOrNames() throws SQLException {
		// Through SQL, as notification itself sees it: the data directory also holds casework's
		// database, the case's system of record, where names and answers belong.
		DatabaseServer database = stack.database();
		try (Connection connection = DriverManager.getConnection(database.notificationJdbcUrl(),
				DatabaseServer.NOTIFICATION.owner(), DatabaseServer.NOTIFICATION.password());
				Statement sql = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery(
					"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			assertThat(tables).as("notification's tables").contains("case_status", "email_ledger");
			StringBuilder everything = new StringBuilder();
			for (String table : tables) {
				try (ResultSet rows = sql.executeQuery("SELECT t::text FROM public.\"" + table + "\" t")) {
					while (rows.next()) {
						everything.append(table).append(' ').append(rows.getString(1)).append('\n');
					}
				}
			}
			assertThat(everything).as("the cases are there").contains(routineCase).contains(crisisCase);
			assertThat(everything.toString()).doesNotContain(TEXT_CANARY).doesNotContain(NAME_CANARY);
		}
	}

	@Test
	void caseActivityEventsHoldIdsAndCodesOnly() {
		List<String> values = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : new DeadLetters(stack.ports().bootstrapServers())
			.read("case-activity")) {
			String value = new String(record.value(), StandardCharsets.UTF_8);
			values.add(value);
			if (crisisCase.equals(record.key()) || routineCase.equals(record.key())) {
				types.add(json.readTree(value).get("type").asString());
			}
		}
		assertThat(types).as("the staff actions are on the topic")
			.contains("ACKNOWLEDGED", "NOTE_ADDED", "STATUS_CHANGED");
		assertThat(values).allSatisfy(value -> assertThat(value).doesNotContain(TEXT_CANARY)
			.doesNotContain(NAME_CANARY)
			.doesNotContain("Sam "));
	}

	@Test
	void caseworksAuditLogRecordsWhoDidWhatButNoPatientData() throws SQLException {
		DatabaseServer database = stack.database();
		try (Connection connection = DriverManager.getConnection(database.caseworkJdbcUrl(),
				DatabaseServer.CASEWORK.owner(), DatabaseServer.CASEWORK.password());
				Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("SELECT a::text FROM audit_log a")) {
			StringBuilder audit = new StringBuilder();
			while (rows.next()) {
				audit.append(rows.getString(1)).append('\n');
			}
			assertThat(audit).as("the views and actions are there")
				.contains(crisisCase)
				.contains(routineCase)
				.contains("VIEW_CASE")
				.contains("NOTE")
				.contains("STATUS_CHANGE");
			assertThat(audit.toString()).doesNotContain(TEXT_CANARY).doesNotContain(NAME_CANARY);
		}
	}

	/** Every log the stack's processes wrote, and none of Kafka's data files (the topics themselves). */
	private static List<Path> serviceLogs() throws IOException {
		Path kafkaData = stack.runDir().resolve("kafka").resolve("data");
		try (Stream<Path> files = Files.walk(stack.runDir())) {
			List<Path> logs = files.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().endsWith(".log"))
				.filter(file -> !file.startsWith(kafkaData))
				// GreenMail plays the clinic's mail server: what it holds is the emails, checked above
				.filter(file -> !file.getFileName().toString().equals("greenmail.log"))
				.toList();
			assertThat(logs).extracting(file -> file.getFileName().toString())
				.contains("intake-service.log", "triage-service.log", "notification-service.log",
						"casework-service.log", "identity-provider.log", "kafka.log");
			return logs;
		}
	}

	private static String withCanaries(String intake) {
		ObjectNode form = (ObjectNode) json.readTree(intake);
		((ObjectNode) form.get("patient")).put("name", "Sam " + NAME_CANARY);
		ObjectNode answers = (ObjectNode) form.get("answers");
		answers.put("history", "Two episodes before. " + TEXT_CANARY);
		answers.put("goals", "Sleep again. " + TEXT_CANARY);
		ObjectNode treatment = form.has("treatment") && form.get("treatment").isObject() ? (ObjectNode) form.get("treatment")
				: form.putObject("treatment");
		treatment.putArray("tried").add("sertraline " + TEXT_CANARY).add("CBT");
		return form.toString();
	}

	/** Not JSON, and JSON of the wrong shape, on each topic a service reads; each holds the canary. */
	private static List<String> writePoison() throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.ports().bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		List<String> keys = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (String topic : List.of("intake-priority", "intake-submissions", "cases-routed", "cases-crisis")) {
				for (String value : List.of("not json: I want to die " + TEXT_CANARY,
						"{\"caseId\": 42, \"answers\": {\"concerns\": \"" + TEXT_CANARY + "\"}, \"name\": \"" + NAME_CANARY + "\"}")) {
					String key = "poison-" + UUID.randomUUID();
					producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
					keys.add(key);
				}
			}
		}
		return keys;
	}

	private static String submit(String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("caseId").asString();
	}

	private static String get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

}
