package org.openintake.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for every test class (same configuration, so Spring caches it): the
 * module-wide embedded KRaft broker, a GreenMail SMTP server on 127.0.0.1 at a free port, and a
 * database of its own on the module's embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"management.server.port=0", "notification.case-link-base-url=https://staff.test/cases",
				"notification.retry.crisis.initial-interval=200ms", "notification.retry.crisis.max-interval=1s",
				"notification.retry.crisis.max-retries=40", "notification.retry.routine.initial-interval=200ms",
				"notification.retry.routine.max-interval=1s", "notification.retry.routine.max-retries=40",
				"spring.mail.properties[mail.smtp.connectiontimeout]=2000",
				"spring.mail.properties[mail.smtp.timeout]=5000" })
public abstract class NotificationTestSupport {

	protected static final String CANARY = "CANARY-7f3a-HEALTH-TEXT";

	protected static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	protected MeterRegistry meters;

	/** The shared context's database on the module's one embedded PostgreSQL (see {@link TestDatabases}). */
	private static final String DATABASE = TestDatabases.newDatabase();

	@DynamicPropertySource
	static void smtpAndDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.datasource.username", TestDatabases::username);
		registry.add("spring.datasource.password", () -> "");
	}

	protected static String newCaseId() {
		return UUID.randomUUID().toString();
	}

	private static KafkaTemplate<String, byte[]> producer;

	/** One producer for the test run; values are sent as the exact bytes given. */
	protected static synchronized KafkaTemplate<String, byte[]> kafka() {
		if (producer == null) {
			producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(),
					new StringSerializer(), new ByteArraySerializer()));
		}
		return producer;
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
				ProducerConfig.ACKS_CONFIG, "all");
	}

	protected static void publish(String topic, String key, String json) {
		publish(topic, key, json.getBytes(StandardCharsets.UTF_8));
	}

	protected static void publish(String topic, String key, byte[] value) {
		kafka().send(topic, key, value).join();
	}

	/** A triaged case with a canary in every field that must never reach an email. */
	protected static CaseTriaged triaged(String caseId, boolean crisis, RiskLevel risk, Track track,
			List<CrisisCategory> categories, CaseTriaged.Contact contact) {
		List<CaseTriaged.Flag> flags = categories.stream()
			.map((category) -> new CaseTriaged.Flag(category, "answers.concerns", CANARY, 0, CANARY.length(), "en",
					false, false, false, false, "rule-" + category))
			.toList();
		return new CaseTriaged(UUID.randomUUID(), caseId, Instant.now(), CaseTriaged.SCHEMA_VERSION,
				Instant.now().minusMillis(1500), crisis, risk, flags,
				List.of(new CaseTriaged.Score(org.openintake.events.Instrument.PHQ9, 17, "moderately severe", true)),
				track, List.of(), List.of(CANARY + " rationale"), "test-rules-1", contact);
	}

	protected static CaseTriaged.Contact contact(String name, String email, boolean consent, String locale,
			String country, String tokenHash) {
		return new CaseTriaged.Contact(name, email, "+44 20 7946 0000", "phone", locale, country, consent, tokenHash);
	}

	protected static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	protected static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Emails GreenMail received about a case (its id is in every Message-ID), to one recipient. */
	protected static List<MimeMessage> mails(String caseId, String to) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((m) -> header(m, "Message-ID").contains(caseId))
			.filter((m) -> recipients(m).contains(to))
			.toList();
	}

	protected static List<MimeMessage> mails(String caseId) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((m) -> header(m, "Message-ID").contains(caseId))
			.toList();
	}

	protected static String header(MimeMessage message, String name) {
		try {
			String value = message.getHeader(name, ",");
			return (value != null) ? value : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String body(MimeMessage message) {
		try {
			// SMTP carries CRLF line ends; compare with Java's.
			return ((String) message.getContent()).replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected double emails(String kind, String result) {
		Counter counter = this.meters.find("notification.emails").tags("kind", kind, "result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
