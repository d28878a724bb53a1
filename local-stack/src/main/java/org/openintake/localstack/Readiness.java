package org.openintake.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits until a child process is ready, failing fast (with its log) when it dies first. */
final class Readiness {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Readiness() {
	}

	static void awaitPort(ManagedProcess process, int port, Duration timeout) {
		await(process, timeout, "port " + port, () -> portOpen(port));
	}

	static void awaitHttpOk(ManagedProcess process, String url, Duration timeout) {
		await(process, timeout, url, () -> httpOk(url));
	}

	static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean httpOk(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void await(ManagedProcess process, Duration timeout, String what, BooleanSupplier ready) {
		Instant deadline = Instant.now().plus(timeout);
		while (!ready.getAsBoolean()) {
			if (!process.isAlive()) {
				throw new IllegalStateException(process.name() + " exited before " + what + " was ready. Log "
						+ process.log() + ":\n" + process.logTail(40));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(process.name() + " not ready (" + what + ") within " + timeout
						+ ". Log " + process.log() + ":\n" + process.logTail(40));
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + process.name(), ex);
			}
		}
	}

}
