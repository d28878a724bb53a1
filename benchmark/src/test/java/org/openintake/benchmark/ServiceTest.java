package org.openintake.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark finds each service's JVM among the launcher's children by its command line; after
 * a rebuild the launcher first runs the same jar once to extract it, and mistaking that short-lived
 * process for the service had stopped the run with no start-up time to report.
 */
class ServiceTest {

	@Test
	void theServiceJvmIsTheOneWithAServerPort() {
		assertThat(Service.INTAKE.runs("/usr/bin/java -XX:+UseSerialGC -jar"
				+ " /repo/local-stack/target/class-data/intake-service-1-2/intake-service.jar --server.port=8580"
				+ " --management.server.port=9580")).isTrue();
	}

	@Test
	void theExtractionRunOfTheSameJarIsNotTheService() {
		assertThat(Service.INTAKE.runs("/usr/bin/java -Djarmode=tools -jar /repo/intake-service/target/intake-service.jar"
				+ " extract --destination /repo/local-stack/target/class-data/intake-service-1-2-x.partial")).isFalse();
	}

	@Test
	void anotherServiceIsNotThisOne() {
		assertThat(Service.TRIAGE.runs("/usr/bin/java -jar /repo/intake-service.jar --server.port=8580")).isFalse();
	}

}
