package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process), run from the
 * Kafka Maven artifacts exactly as Kafka's own scripts would: {@code kafka.tools.StorageTool
 * format}, then {@code kafka.Kafka server.properties}. Its data survives {@link #stop()} and
 * {@link #kill()}, so a restart continues where it left off, like a real broker.
 */
final class KafkaBroker {

	private final Ports ports;

	private final Path lib;

	private final Path dir;

	private final ManagedProcess process;

	/** null: clients connect in plain text */
	private final KafkaTls tls;

	KafkaBroker(Ports ports, Path lib, Path dir, KafkaTls tls) {
		this.ports = ports;
		this.tls = tls;
		this.lib = lib;
		this.dir = dir;
		this.process = new ManagedProcess("kafka", List.of(StackHome.java().toString(), "-Xms256m", "-Xmx512m",
				"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(), "kafka.Kafka",
				dir.resolve("server.properties").toString()), dir.resolve("kafka.log"));
	}

	void start() {
		if (!Files.exists(dir.resolve("server.properties"))) {
			writeConfig();
			format();
		}
		process.start();
		Readiness.awaitPort(process, ports.kafka(), Duration.ofSeconds(60));
	}

	void stop() {
		process.stop(Duration.ofSeconds(30));
	}

	/** {@code kill -9}: no clean shutdown, as in a crash. */
	void kill() {
		process.kill();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	ManagedProcess process() {
		return process;
	}

	private void writeConfig() {
		String config = """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=%4$s://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=%4$s://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=%4$s
				log.dirs=%3$s
				num.partitions=6
				default.replication.factor=1
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=true
				""".formatted(ports.kafka(), ports.kafkaController(), dir.resolve("data"), tls == null ? "PLAINTEXT" : "SSL")
				+ (tls == null ? "" : tls.brokerSettings());
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("server.properties"), config, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format() {
		List<String> command = List.of(StackHome.java().toString(), "-cp", classpath(), "kafka.tools.StorageTool",
				"format", "--cluster-id", clusterId(), "--config", dir.resolve("server.properties").toString());
		OneShotCommand.run(command, dir.resolve("format.log"), "Formatting Kafka storage");
	}

	/**
	 * Kafka cluster ids are 16 random bytes, URL-safe base64 without padding. Like Kafka's own
	 * generator, never one that starts with '-': the storage tool would read it as an option
	 * (about one start in 64 failed that way).
	 */
	private static String clusterId() {
		SecureRandom random = new SecureRandom();
		byte[] bytes = new byte[16];
		String id;
		do {
			random.nextBytes(bytes);
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		while (id.startsWith("-"));
		return id;
	}

	private String classpath() {
		return lib.resolve("*").toString();
	}

}
