package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka over TLS for the local stack, the way a deployment sets it up, with a certificate made
 * on the spot: the broker listens for clients on TLS only (its certificate names 127.0.0.1, so
 * clients check the host name as they would in production), and every service gets the broker's
 * CA as its trust store. The service settings are exactly those the README's "Turning on TLS"
 * gives a deployment.
 */
final class KafkaTls {

	private static final String ALIAS = "kafka-broker";

	private final Path keyStore;

	private final Path trustStore;

	private final String password;

	private final Path dir;

	/** Where the key and trust stores will be; {@link #generate()} makes them. */
	KafkaTls(Path dir) {
		this.dir = dir;
		this.keyStore = dir.resolve("kafka-broker.p12");
		this.trustStore = dir.resolve("kafka-clients-truststore.p12");
		this.password = IdempotencySecret.generate();
	}

	/** A new self-signed broker certificate for 127.0.0.1, and a trust store holding it. */
	void generate() {
		Path certificate = dir.resolve("kafka-broker.pem");
		try {
			Files.createDirectories(dir);
			Files.deleteIfExists(keyStore);
			Files.deleteIfExists(trustStore);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", password, "-keypass", password);
		keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass", password,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(), "-keystore",
				trustStore.toString(), "-storetype", "PKCS12", "-storepass", password);
	}

	/** server.properties lines: the client listener speaks TLS, and the broker trusts itself. */
	String brokerSettings() {
		return """
				ssl.keystore.location=%1$s
				ssl.keystore.password=%3$s
				ssl.key.password=%3$s
				ssl.keystore.type=PKCS12
				ssl.truststore.location=%2$s
				ssl.truststore.password=%3$s
				ssl.truststore.type=PKCS12
				""".formatted(keyStore, trustStore, password);
	}

	/**
	 * Settings for every service. triage-service and notification-service need nothing more: the
	 * Spring Cloud Stream Kafka binder builds its clients on these Spring Boot properties.
	 */
	List<String> clientArguments() {
		return List.of("--spring.kafka.security.protocol=SSL",
				"--spring.kafka.ssl.trust-store-location=file:" + trustStore,
				"--spring.kafka.ssl.trust-store-password=" + password, "--spring.kafka.ssl.trust-store-type=PKCS12");
	}

	private void keytool(String... args) {
		List<String> command = new ArrayList<>();
		command.add(StackHome.java().resolveSibling("keytool").toString());
		command.addAll(List.of(args));
		OneShotCommand.run(command, dir.resolve("keytool.log"), "keytool");
	}

}
