package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * notification-service's database as an H2 TCP server, so that several notification instances
 * share one email ledger and one set of case statuses, as they share one database in a
 * deployment: an instance that takes over a dead one's partitions then knows which emails were
 * already sent. The files stay in {@code run-dir/notification-db}.
 */
final class DatabaseServer {

	private final Ports ports;

	private final ManagedProcess process;

	DatabaseServer(Ports ports, Path jar, Path dir) {
		this.ports = ports;
		// h2.bindAddress: listen on 127.0.0.1 only; without -tcpAllowOthers it also refuses remote peers
		this.process = new ManagedProcess("h2",
				List.of(StackHome.java().toString(), "-Xmx128m", "-Dh2.bindAddress=127.0.0.1", "-cp", jar.toString(),
						"org.h2.tools.Server", "-tcp", "-tcpPort", String.valueOf(ports.database()), "-baseDir",
						dir.resolve("notification-db").toString(), "-ifNotExists"),
				dir.resolve("h2.log"));
	}

	void start() {
		process.start();
		Readiness.awaitPort(process, ports.database(), Duration.ofSeconds(60));
	}

	void stop() {
		process.stop(Duration.ofSeconds(10));
	}

	String jdbcUrl() {
		return "jdbc:h2:tcp://127.0.0.1:" + ports.database() + "/./notification";
	}

}
