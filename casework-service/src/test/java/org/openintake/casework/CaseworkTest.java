package org.openintake.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.openintake.events.CaseActivity;
import org.openintake.events.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The service as it runs: real PostgreSQL, the real OIDC provider as a process, the embedded KRaft
 * broker. Every test class extends this one, so they share one application context (and its port,
 * which the provider knows as the redirect URI). Crisis deadlines are seconds here, not minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		topics = { Topics.INTAKE_PRIORITY, Topics.INTAKE_SUBMISSIONS, Topics.CASES_CRISIS, Topics.CASES_ROUTED })
abstract class CaseworkTest {

	static final int PORT = FreePorts.next();

	static final int MANAGEMENT_PORT = FreePorts.next();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private KafkaProducer<String, String> producer;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("management.server.port", () -> MANAGEMENT_PORT);
		registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
		registry.add("spring.security.oauth2.client.provider.clinic.issuer-uri", () -> TestIdentityProvider.issuer(PORT));
		registry.add("spring.security.oauth2.client.registration.clinic.client-secret",
				() -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("casework.topics.partitions", () -> 2);
		registry.add("casework.escalation.imminent", () -> "3s");
		registry.add("casework.escalation.high", () -> "3s");
		registry.add("casework.escalation.moderate", () -> "3s");
		registry.add("casework.escalation.repeat", () -> "3s");
		registry.add("casework.escalation.poll-interval", () -> "300ms");
		// small enough for FhirExportTest to fill a download past it with a handful of cases
		registry.add("casework.fhir.max-cases-per-download", () -> 3);
	}

	@AfterEach
	void closeProducer() {
		if (this.producer != null) {
			this.producer.close();
		}
	}

	StaffBrowser browser() {
		return new StaffBrowser(PORT);
	}

	void publish(String topic, String caseId, Object event) {
		try {
			if (this.producer == null) {
				this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
						new StringSerializer(), new StringSerializer());
			}
			this.producer.send(new ProducerRecord<>(topic, caseId, this.json.writeValueAsString(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the case is in the database with its triage decision (and its form, if {@code withForm}). */
	void awaitCase(String caseId, boolean withForm) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc
			.sql("select count(*) from staff_case where case_id = :id and triaged_at is not null"
					+ (withForm ? " and form is not null" : ""))
			.param("id", caseId)
			.query(Integer.class)
			.single() == 1);
	}

	/** Every case-activity event of this case so far, in order. */
	List<CaseActivity> activity(String caseId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<CaseActivity> events = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.CASE_ACTIVITY));
			long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
					if (caseId.equals(record.key())) {
						events.add(this.json.readValue(record.value(), CaseActivity.class));
					}
				}
			}
		}
		return events;
	}

	/** The raw case-activity values of this case, to check what they do not contain. */
	List<String> rawActivity(String caseId) {
		return activity(caseId).stream().map(this.json::writeValueAsString).toList();
	}

	int count(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (int i = 0; i < params.length; i++) {
			statement = statement.param(i + 1, params[i]);
		}
		return statement.query(Integer.class).single();
	}

}
