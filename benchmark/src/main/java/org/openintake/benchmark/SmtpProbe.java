package org.openintake.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times each step of an SMTP session with the stack's GreenMail, the way notification-service's
 * mail client talks to it (a new connection per email): connect and greeting, EHLO, the
 * MAIL/RCPT/DATA transaction, QUIT. A mail library would hide exactly the per-command times this
 * is for, so it speaks the few lines of SMTP itself. Probe mail goes to an address outside the
 * staff domain, so it never counts as a staff email.
 */
final class SmtpProbe {

	private SmtpProbe() {
	}

	/** Medians in milliseconds over {@code sessions} sessions. */
	static Timings measure(int port, int sessions) {
		List<double[]> all = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			all.add(session(port));
		}
		return new Timings(median(all, 0), median(all, 1), median(all, 2), median(all, 3));
	}

	private static double[] session(int port) {
		try (Socket socket = new Socket()) {
			long start = System.nanoTime();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			reply(in);
			long greeted = System.nanoTime();
			command(out, in, "EHLO benchmark");
			long ehlo = System.nanoTime();
			command(out, in, "MAIL FROM:<benchmark@clinic.local>");
			command(out, in, "RCPT TO:<benchmark-probe@example.org>");
			command(out, in, "DATA");
			command(out, in, "Subject: SMTP timing probe\r\n\r\nprobe\r\n.");
			long sent = System.nanoTime();
			command(out, in, "QUIT");
			long quit = System.nanoTime();
			return new double[] { ms(greeted - start), ms(ehlo - greeted), ms(sent - ehlo), ms(quit - sent) };
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SMTP probe failed", ex);
		}
	}

	private static void command(OutputStream out, BufferedReader in, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		reply(in);
	}

	/** Reads one reply: lines "250-..." continue it, "250 ..." ends it. */
	private static void reply(BufferedReader in) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				throw new IOException("SMTP server closed the connection");
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
	}

	private static double median(List<double[]> sessions, int step) {
		double[] values = sessions.stream().mapToDouble(s -> s[step]).toArray();
		Arrays.sort(values);
		return values[values.length / 2];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	/** Median milliseconds of each step of one SMTP session. */
	record Timings(double connectAndGreeting, double ehlo, double mailRcptData, double quit) {
	}

}
