package org.openintake.casework;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real OIDC provider (the identity-provider module's jar, Spring Authorization Server) as a
 * process of its own on 127.0.0.1, with one demo account per role. Started once per test JVM.
 */
final class TestIdentityProvider {

	static final String CLIENT_SECRET = "casework-test-client-secret-0123456789";

	/** username → groups; every password is {@link #password(String)}. */
	static final Map<String, List<String>> ACCOUNTS = Map.of("oncall", List.of("oncall"), "lead", List.of("lead"),
			"cbt", List.of("cbt"), "cbt2", List.of("cbt"), "tms", List.of("tms"), "nobody", List.of("visitors"));

	private static Process process;

	private static int port;

	private TestIdentityProvider() {
	}

	static String password(String username) {
		return "pw-" + username + "-0123456789";
	}

	static synchronized String issuer(int caseworkPort) {
		if (process == null) {
			port = FreePorts.next();
			Path jar = Path.of("../identity-provider/target/identity-provider-exec.jar").toAbsolutePath().normalize();
			if (!Files.exists(jar)) {
				throw new IllegalStateException(jar + " is missing: build the identity-provider module first "
						+ "(./mvnw -pl casework-service -am verify does)");
			}
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
					"--idp.casework.client-secret=" + CLIENT_SECRET,
					"--idp.casework.redirect-uri=http://127.0.0.1:" + caseworkPort + "/login/oauth2/code/clinic",
					"--idp.casework.post-logout-redirect-uri=http://127.0.0.1:" + caseworkPort + "/signed-out"));
			int i = 0;
			for (var account : ACCOUNTS.entrySet()) {
				command.add("--idp.accounts[" + i + "].username=" + account.getKey());
				command.add("--idp.accounts[" + i + "].password=" + password(account.getKey()));
				command.add("--idp.accounts[" + i + "].name=" + "Test " + account.getKey());
				command.add("--idp.accounts[" + i + "].groups=" + String.join(",", account.getValue()));
				i++;
			}
			try {
				File log = Files.createDirectories(Path.of("target")).resolve("identity-provider.log").toFile();
				process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
			waitUntilReady();
		}
		return "http://127.0.0.1:" + port;
	}

	private static void waitUntilReady() {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest discovery = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("identity provider exited; see target/identity-provider.log");
			}
			try {
				if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("identity provider not ready in 90 s; see target/identity-provider.log");
	}

}
