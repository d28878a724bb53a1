package org.openintake.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production-like docker-compose stack cannot run here (no Docker engine on the build
 * machines), so this checks what can be checked without one: the file parses, everything it
 * mounts or builds from exists, and the Kafka cluster and services are set up as the design says.
 */
class ComposeFileTest {

	private static final Path repository = StackHome.locate().repository();

	@SuppressWarnings("unchecked")
	private static final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load()
		.get("services");

	@Test
	void everyMountedFileAndBuildContextExists() {
		services.forEach((name, service) -> {
			for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(repository.resolve(source)).as("%s mounts %s", name, source).exists();
				}
			}
			if (service.get("build") instanceof Map<?, ?> build) {
				assertThat(repository.resolve(build.get("context").toString()).resolve("Dockerfile")).exists();
				assertThat(((Map<?, ?>) build.get("args")).get("MODULE").toString()).isEqualTo(name);
				assertThat(repository.resolve(name).resolve("pom.xml")).exists();
			}
		});
	}

	@Test
	void threeKafkaBrokersReplicateEveryTopicThreeTimesWithTwoInSync() {
		List<String> brokers = services.keySet().stream().filter(name -> name.matches("kafka-\\d")).toList();
		assertThat(brokers).hasSize(3);
		for (String broker : brokers) {
			Map<?, ?> environment = (Map<?, ?>) services.get(broker).get("environment");
			assertThat(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(3);
			assertThat(environment.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
			assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString().split(",")).hasSize(3);
		}
		String topics = services.get("kafka-topics").get("command").toString();
		assertThat(topics).contains("intake-priority", "intake-priority.dlq", "intake-submissions", "cases-crisis", "cases-routed", "--replication-factor 3");
	}

	@Test
	void servicesAreBoundedAndWaitForTheirTopics() {
		for (String name : List.of("intake-service", "triage-service", "notification-service", "casework-service")) {
			Map<String, Object> service = services.get(name);
			assertThat(service).as(name).containsKey("mem_limit");
			assertThat(service.get("depends_on").toString()).as(name).contains("kafka-topics");
			// Scaling out with --scale needs no fixed host port on the scaled service.
		}
		assertThat(services.get("triage-service")).doesNotContainKey("ports");
	}

	@Test
	void postgresCreatesEachServiceDatabaseAndNotificationUsesIt() {
		Map<String, Object> postgres = services.get("postgres");
		assertThat(postgres.get("image")).isEqualTo("postgres:17");
		assertThat(postgres).containsKeys("healthcheck", "mem_limit");
		assertThat(postgres.get("configs").toString()).contains("postgres-init", "/docker-entrypoint-initdb.d/");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> configs = (Map<String, Map<String, Object>>) load().get("configs");
		assertThat(configs.get("postgres-init").get("content").toString()).contains(
				"CREATE ROLE notification LOGIN PASSWORD 'notification'",
				"CREATE DATABASE notification OWNER notification", "CREATE ROLE casework LOGIN PASSWORD 'casework'",
				"CREATE DATABASE casework OWNER casework", "CREATE ROLE casework_app LOGIN PASSWORD 'casework_app'",
				"GRANT CONNECT ON DATABASE casework TO casework_app");

		Map<String, Object> notification = services.get("notification-service");
		Map<?, ?> environment = (Map<?, ?>) notification.get("environment");
		assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/notification");
		assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("notification");
		assertThat(environment.containsKey("SPRING_DATASOURCE_PASSWORD")).isTrue();
		assertThat(notification.get("depends_on").toString()).contains("postgres", "service_healthy");
		// the ledger is in PostgreSQL now: no database file of its own
		assertThat(notification).doesNotContainKey("volumes");
	}

	@Test
	void caseworkSignsStaffInAtKeycloakWhoseRealmHasThePlatformsGroups() throws IOException {
		Map<String, Object> casework = services.get("casework-service");
		Map<?, ?> environment = (Map<?, ?>) casework.get("environment");
		assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/casework");
		assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("casework_app");
		assertThat(environment.get("SPRING_FLYWAY_USER")).isEqualTo("casework");
		assertThat(environment.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CLINIC_AUTHORIZATION_URI").toString())
			.startsWith("http://127.0.0.1:8180/realms/openintake/");
		assertThat(environment.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CLINIC_TOKEN_URI").toString())
			.startsWith("http://keycloak:8080/realms/openintake/");
		assertThat(casework.get("depends_on").toString()).contains("postgres", "keycloak", "kafka-topics");
		assertThat(casework.get("ports").toString()).contains("127.0.0.1:8083:8083");

		Map<String, Object> keycloak = services.get("keycloak");
		assertThat(keycloak.get("command").toString()).contains("--import-realm");
		assertThat(keycloak).containsKeys("healthcheck", "mem_limit");
		String mount = ((List<?>) keycloak.get("volumes")).get(0).toString();
		Path realmFile = repository.resolve(mount.substring(2, mount.indexOf(':')));
		Map<String, Object> realm = new Yaml().load(Files.readString(realmFile));
		assertThat(realm.get("realm")).isEqualTo("openintake");
		assertThat(realm.get("groups").toString()).contains("oncall", "lead", "tms", "cbt", "mbsr", "neurofeedback",
				"addiction", "psychiatry", "general-assessment");
		String client = realm.get("clients").toString();
		assertThat(client).contains("clientId=casework", "oidc-group-membership-mapper", "claim.name=groups",
				"http://127.0.0.1:8083/login/oauth2/code/clinic");
		// demo passwords must be changed at the first sign-in
		assertThat((List<?>) realm.get("users")).allSatisfy(user -> assertThat(user.toString()).contains("temporary=true"));
	}

	@Test
	void noH2Anywhere() throws IOException {
		assertThat(Files.readString(repository.resolve("docker-compose.yml"))).doesNotContain("jdbc:h2", "h2database");
	}

	private static Map<String, Object> load() {
		try {
			return new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
