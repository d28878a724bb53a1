package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail standalone: a real SMTP server that accepts mail for any address and shows every
 * mailbox through its REST API ({@code GET /api/user/<address>/messages}), so a newcomer can read
 * the staff emails without a mail client.
 */
final class MailServer {

	private final Ports ports;

	private final ManagedProcess process;

	MailServer(Ports ports, Path jar, Path dir) {
		this.ports = ports;
		this.process = new ManagedProcess("greenmail",
				// GreenMail keeps every message in memory: a load run's tens of thousands of emails
				// need far more than the 128 MB it once had (it ran out and stopped taking mail)
				List.of(StackHome.java().toString(), "-Xmx1g", "-Dgreenmail.hostname=127.0.0.1",
						"-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + ports.smtp(),
						"-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + ports.mailApi(),
						"-Dgreenmail.auth.disabled", "-jar", jar.toString()),
				dir.resolve("greenmail.log"));
	}

	void start() {
		process.start();
		Readiness.awaitHttpOk(process, apiUrl() + "/api/service/readiness", Duration.ofSeconds(60));
	}

	void stop() {
		process.stop(Duration.ofSeconds(10));
	}

	String apiUrl() {
		return "http://127.0.0.1:" + ports.mailApi();
	}

}
