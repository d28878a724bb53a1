package org.openintake.benchmark;

/** The four services of the stack, by the jar each runs from and its port. */
enum Service {

	INTAKE("intake-service"), TRIAGE("triage-service"), NOTIFICATION("notification-service"),
	CASEWORK("casework-service");

	private final String module;

	Service(String module) {
		this.module = module;
	}

	String module() {
		return module;
	}

	int port(StackPorts ports) {
		return switch (this) {
			case INTAKE -> ports.intake();
			case TRIAGE -> ports.triage();
			case NOTIFICATION -> ports.notification();
			case CASEWORK -> ports.casework();
		};
	}

	/**
	 * Whether a process command line is this service's JVM: its jar with a server port (after a
	 * rebuild the launcher first runs the same jar once to extract it, which is not the service).
	 */
	boolean runs(String commandLine) {
		return commandLine.contains("/" + module + ".jar") && commandLine.contains("--server.port=");
	}

}
