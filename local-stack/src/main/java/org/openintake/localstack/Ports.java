package org.openintake.localstack;

/**
 * Where each part of the stack listens, all on 127.0.0.1. The defaults are the design's ports; an
 * offset moves every port at once so that a test stack can run beside a developer's own.
 */
record Ports(int kafka, int kafkaController, int smtp, int mailApi, int intake, int triage, int notification,
		int database) {

	/** Actuator (health, prometheus) listens on the service port + 1000. */
	static final int MANAGEMENT_OFFSET = 1000;

	static Ports withOffset(int offset) {
		return new Ports(9092 + offset, 9093 + offset, 3025 + offset, 8025 + offset, 8080 + offset, 8081 + offset,
				8082 + offset, 9094 + offset);
	}

	static int management(int port) {
		return port + MANAGEMENT_OFFSET;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + kafka;
	}

}
