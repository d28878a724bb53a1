package org.openintake.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts the real application on its own topic, consumer group and database, beside the
 * shared test context: for restarts and for settings the shared context can't have.
 */
final class StandaloneService {

	private StandaloneService() {
	}

	/**
	 * @param function the one consumer to run ({@code crisisCases} or {@code routedCases})
	 * @param extra further {@code name=value} settings
	 */
	static ConfigurableApplicationContext start(String function, String topic, String group, String database,
			int smtpPort, Map<String, String> extra) {
		return start(Map.of(function, topic), group, database, smtpPort, extra);
	}

	/**
	 * @param topicByFunction the consumers to run, each on its own topic
	 */
	static ConfigurableApplicationContext start(Map<String, String> topicByFunction, String group, String database,
			int smtpPort, Map<String, String> extra) {
		// No management server: its child context made Reactor Netty resources of its own kind
		// (global ones), and closing it once left the shared test context's management server
		// hanging (a 30 s time-out in MetricsTest, in CI). No standalone test reads it.
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=-1",
				"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
				"--spring.datasource.url=" + database, "--spring.datasource.username=" + TestDatabases.username(),
				"--spring.datasource.password=", "--spring.mail.port=" + smtpPort,
				"--spring.cloud.function.definition=" + String.join(";", topicByFunction.keySet())));
		topicByFunction.forEach((function, topic) -> {
			args.add("--spring.cloud.stream.bindings." + function + "-in-0.destination=" + topic);
			args.add("--spring.cloud.stream.bindings." + function + "-in-0.group=" + group);
		});
		extra.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(NotificationApplication.class).initializers(StandaloneService::ownEventLoops)
			.run(args.toArray(String[]::new));
	}

	/**
	 * By default every context's web server and client share Reactor Netty's global event loops,
	 * and closing a context disposes them: the shared test context's servers then stop answering
	 * (refused or hung requests in whichever test class runs next). A standalone service gets
	 * loops of its own, which its close disposes alone.
	 */
	private static void ownEventLoops(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		});
	}

	/** A database of its own on the embedded PostgreSQL, kept across restarts of the service. */
	static String newDatabase() {
		return TestDatabases.newDatabase();
	}

}
