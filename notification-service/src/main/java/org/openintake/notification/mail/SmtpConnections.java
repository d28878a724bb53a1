package org.openintake.notification.mail;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection per consumer thread, kept open from email to email. Opening a connection
 * costs a TCP (and TLS) handshake and the EHLO exchange every time, which the benchmark measured
 * as most of an email's time; reusing it leaves one NOOP per email to check the connection is
 * still there. Any failure closes the connection, so the retry that follows starts afresh.
 * Settings (host, port, credentials, TLS) are Spring Boot's {@code spring.mail.*}, read from the
 * {@link JavaMailSenderImpl} it configured.
 */
@Component
class SmtpConnections {

	static {
		// Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader scan of the whole class
		// path every time it writes a message or encodes a header (jakartaee/mail-api#861): a
		// profile of the benchmark put a fifth of this service's CPU there. With the
		// implementation named in the system property it reads first, the lookup is a
		// class-cache hit. A value set on the command line is left alone.
		if (System.getProperty(StreamProvider.class.getName()) == null) {
			System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
		}
	}

	private final JavaMailSenderImpl settings;

	private final ThreadLocal<Transport> current = new ThreadLocal<>();

	/** Every connection open on any thread, so that shutdown can say goodbye to the server. */
	private final Set<Transport> open = ConcurrentHashMap.newKeySet();

	SmtpConnections(JavaMailSenderImpl settings) {
		this.settings = settings;
	}

	/**
	 * Hands the message to SMTP on this thread's connection.
	 * @throws MailSendException with the server's exception (and its reply code) as the cause
	 */
	void send(MimeMessage message) {
		Transport transport = current.get();
		try {
			if (transport == null || !transport.isConnected()) {
				discard(transport);
				transport = connect();
			}
			prepare(message);
			transport.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			discard(transport);
			throw new MailSendException("SMTP did not take the message", ex);
		}
	}

	@PreDestroy
	void closeAll() {
		open.forEach(SmtpConnections::closeQuietly);
		open.clear();
	}

	private Transport connect() throws MessagingException {
		String username = emptyToNull(settings.getUsername());
		String password = (username == null) ? null : settings.getPassword();
		String protocol = (settings.getProtocol() != null) ? settings.getProtocol() : "smtp";
		Transport transport = settings.getSession().getTransport(protocol);
		transport.connect(settings.getHost(), settings.getPort(), username, password);
		current.set(transport);
		open.add(transport);
		return transport;
	}

	/** What JavaMailSenderImpl does before each send: a date, and headers made final without losing our Message-ID. */
	private static void prepare(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
	}

	private void discard(Transport transport) {
		current.remove();
		if (transport != null) {
			open.remove(transport);
			closeQuietly(transport);
		}
	}

	private static void closeQuietly(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			// the connection is being thrown away; a failed QUIT changes nothing
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
