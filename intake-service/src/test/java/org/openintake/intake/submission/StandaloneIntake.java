package org.openintake.intake.submission;

import org.openintake.intake.IntakeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/** The real application started beside the cached test contexts, for tests that run their own instances. */
final class StandaloneIntake {

	private StandaloneIntake() {
	}

	static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(IntakeApplication.class).initializers(StandaloneIntake::ownEventLoops)
			.run(args);
	}

	/**
	 * By default every context's web server and client share Reactor Netty's global event loops,
	 * and closing a context disposes them: the cached test contexts' servers then stop answering
	 * (refused or hung requests in whichever test class runs next). A standalone instance gets
	 * loops of its own, which its close disposes alone.
	 */
	private static void ownEventLoops(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		});
	}

}
