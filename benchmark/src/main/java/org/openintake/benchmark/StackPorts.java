package org.openintake.benchmark;

/**
 * Where the local stack listens when started with {@code --port-offset=offset}: the design's
 * ports moved by the offset, as local-stack's own (package-private) Ports computes them.
 */
record StackPorts(int offset) {

	int kafka() {
		return 9092 + offset;
	}

	int smtp() {
		return 3025 + offset;
	}

	int mailApi() {
		return 8025 + offset;
	}

	int intake() {
		return 8080 + offset;
	}

	int triage() {
		return 8081 + offset;
	}

	int postgres() {
		return 5432 + offset;
	}

	int casework() {
		return 8083 + offset;
	}

	int notification() {
		return 8082 + offset;
	}

	/** Actuator (health, prometheus) is on the service port + 1000. */
	static int management(int port) {
		return port + 1000;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + kafka();
	}

	String intakeUrl() {
		return "http://127.0.0.1:" + intake();
	}

	String mailApiUrl() {
		return "http://127.0.0.1:" + mailApi();
	}

	String prometheusUrl(int servicePort) {
		return "http://127.0.0.1:" + management(servicePort) + "/actuator/prometheus";
	}

	String healthUrl(int servicePort) {
		return "http://127.0.0.1:" + management(servicePort) + "/actuator/health";
	}

}
