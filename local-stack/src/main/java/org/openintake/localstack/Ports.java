package org.openintake.localstack;

/**
 * Where each part of the stack listens, all on 127.0.0.1. The defaults are the design's ports; an
 * offset moves every port at once so that a test stack can run beside a developer's own.
 */
record Ports(int kafka, int kafkaController, int smtp, int mailApi, int intake, int triage, int notification,
		int casework, int postgres, int identityProvider) {

	/** Actuator (health, prometheus) listens on the service port + 1000. */
	static final int MANAGEMENT_OFFSET = 1000;

	static Ports withOffset(int offset) {
		return new Ports(9092 + offset, 9093 + offset, 3025 + offset, 8025 + offset, 8080 + offset, 8081 + offset,
				8082 + offset, 8083 + offset, 5432 + offset, 9000 + offset);
	}

	static int management(int port) {
		return port + MANAGEMENT_OFFSET;
	}

	/** Where staff open a case: casework-service's case page (notification's emails link to it). */
	String caseLinkBaseUrl() {
		return "http://127.0.0.1:" + casework + "/staff/cases";
	}

	/** The OIDC provider's issuer: staff sign in there. */
	String issuer() {
		return "http://127.0.0.1:" + identityProvider;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + kafka;
	}

}
