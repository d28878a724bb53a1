package org.openintake.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's SMTP-over-TLS settings, as a deployment sets them, against a mail relay that speaks
 * only TLS (GreenMail SMTPS) with a certificate from the clinic's own CA (here a self-signed one
 * made by keytool for 127.0.0.1). The crisis email arrives, so the connection was encrypted and
 * the relay's certificate and name were checked against the configured trust.
 */
class SmtpTlsTest {

	private static final String PASSWORD = "changeit";

	private static Path keyStore;

	private static Path certificate;

	@BeforeAll
	static void relayCertificate() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "tls", UUID.randomUUID().toString()));
		keyStore = dir.resolve("relay.p12");
		certificate = dir.resolve("relay.pem");
		keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
	}

	@Test
	void crisisEmailGoesOutOverTlsToATrustedRelay() throws Exception {
		int port = NotificationTestSupport.freePort();
		// GreenMail reads its TLS key store from these when it creates its server socket
		System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
		System.setProperty("greenmail.tls.keystore.password", PASSWORD);
		GreenMail relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
		relay.start();
		String topic = "tls-test-" + UUID.randomUUID();
		String caseId = UUID.randomUUID().toString();
		try (ConfigurableApplicationContext app = StandaloneService.start("crisisCases", topic, "g-" + topic,
				StandaloneService.newDatabase(), port,
				Map.of("spring.mail.ssl.enabled", "true", "spring.mail.ssl.bundle", "mail-relay",
						"spring.ssl.bundle.pem.mail-relay.truststore.certificate", "file:" + certificate.toAbsolutePath()))) {
			NotificationTestSupport.publish(topic, caseId,
					NotificationTestSupport.json(NotificationTestSupport.triaged(caseId, true, RiskLevel.HIGH,
							Track.PSYCHIATRY, List.of(CrisisCategory.SUICIDE_INTENT),
							NotificationTestSupport.contact("Ada", null, false, "en", "GB", null))));

			await().atMost(Duration.ofSeconds(60)).until(() -> onCallMailsAbout(relay, caseId).size() == 1);
		}
		finally {
			relay.stop();
			System.clearProperty("greenmail.tls.keystore.file");
			System.clearProperty("greenmail.tls.keystore.password");
		}
	}

	private static List<MimeMessage> onCallMailsAbout(GreenMail server, String caseId) {
		return Arrays.stream(server.getReceivedMessages())
			.filter(message -> NotificationTestSupport.header(message, "Message-ID").contains(caseId))
			.filter(message -> NotificationTestSupport.recipients(message).contains("crisis-oncall@clinic.local"))
			.toList();
	}

	private static void keytool(String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
