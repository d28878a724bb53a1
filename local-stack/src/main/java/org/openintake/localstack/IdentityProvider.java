package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local run's OIDC provider: the identity-provider module's jar (Spring Authorization Server)
 * with the demo staff accounts, standing in for the clinic's own provider. Ready when it serves its
 * discovery document.
 */
final class IdentityProvider {

	private final ManagedProcess process;

	private final String issuer;

	IdentityProvider(Ports ports, Path jar, DemoStaff staff, String clientSecret, Path runDir) {
		this.issuer = ports.issuer();
		String casework = "http://127.0.0.1:" + ports.casework();
		List<String> command = new ArrayList<>(List.of(StackHome.java().toString(), "-Xms64m", "-Xmx256m", "-jar",
				jar.toString(), "--server.port=" + ports.identityProvider(),
				"--idp.casework.client-secret=" + clientSecret,
				"--idp.casework.redirect-uri=" + casework + "/login/oauth2/code/clinic",
				"--idp.casework.post-logout-redirect-uri=" + casework + "/signed-out"));
		command.addAll(staff.providerArguments());
		this.process = new ManagedProcess("identity-provider", command, runDir.resolve("identity-provider.log"));
	}

	void start() {
		process.start();
	}

	void awaitReady(Duration timeout) {
		Readiness.awaitHttpOk(process, issuer + "/.well-known/openid-configuration", timeout);
	}

	void stop() {
		process.stop(Duration.ofSeconds(20));
	}

	String issuer() {
		return issuer;
	}

}
