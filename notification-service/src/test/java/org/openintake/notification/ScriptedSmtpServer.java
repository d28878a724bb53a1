package org.openintake.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP on 127.0.0.1) that answers RCPT TO with the reply a test
 * scripts per recipient: the 4xx and 5xx paths GreenMail never takes.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	/** One accepted message: its recipients, raw text and when the server took it. */
	record Accepted(List<String> recipients, String data, Instant at) {
	}

	private final SMTPServer server;

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	/**
	 * @param replyFor the reply code for a recipient, or {@code null} to accept it
	 */
	ScriptedSmtpServer(Function<String, Integer> replyFor) throws IOException {
		this.server = SMTPServer.port(0)
			.bindAddress(InetAddress.getByName("127.0.0.1"))
			.hostName("scripted.test")
			.messageHandlerFactory((context) -> new MessageHandler() {

				private final List<String> recipients = new CopyOnWriteArrayList<>();

				@Override
				public void from(String from) {
				}

				@Override
				public void recipient(String recipient) throws RejectException {
					Integer reply = replyFor.apply(recipient);
					if (reply != null) {
						throw new RejectException(reply, "scripted reply");
					}
					this.recipients.add(recipient);
				}

				@Override
				public String data(InputStream data) throws IOException {
					ScriptedSmtpServer.this.accepted
						.add(new Accepted(List.copyOf(this.recipients), new String(data.readAllBytes(), StandardCharsets.UTF_8),
								Instant.now()));
					return null;
				}

				@Override
				public void done() {
				}

			})
			.build();
		this.server.start();
	}

	List<Accepted> accepted() {
		return List.copyOf(this.accepted);
	}

	int port() {
		return this.server.getPortAllocated();
	}

	List<Accepted> acceptedFor(String recipient, String caseId) {
		return this.accepted.stream()
			.filter((a) -> a.recipients().contains(recipient) && a.data().contains(caseId))
			.toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
