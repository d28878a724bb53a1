package org.openintake.localstack;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one stack that every test class of this module shares: starting it costs about 100 s on a
 * small machine, so it starts the first time a class asks for a {@link LocalStack} parameter and
 * stops when the whole test run ends (JUnit closes {@link AutoCloseable} values of the root store
 * then). Ports are moved by 100 (or {@value #PORT_OFFSET_PROPERTY}) so it can run beside a
 * developer's own stack; if they are taken, it fails at once rather than test someone else's stack.
 *
 * <pre>
 * &#64;ExtendWith(SharedStack.class)
 * class SomeTest {
 *     &#64;BeforeAll static void connect(LocalStack stack) { ... }
 * }
 * </pre>
 */
final class SharedStack implements ParameterResolver {

	/** Moves the test stack elsewhere when two runs share a machine: {@code -Dlocalstack.test.port-offset=300}. */
	static final String PORT_OFFSET_PROPERTY = "localstack.test.port-offset";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalStack.class;
	}

	@Override
	public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, key -> Running.start(), Running.class)
			.stack();
	}

	/**
	 * The started stack, or why it could not start: a stack that failed once is not started again
	 * by every following class (each attempt would cost minutes before failing the same way).
	 */
	private record Running(LocalStack stack, RuntimeException failure) implements AutoCloseable {

		static Running start() {
			Ports ports = Ports.withOffset(Integer.getInteger(PORT_OFFSET_PROPERTY, 100));
			List<Integer> taken = Stream.of(ports.kafka(), ports.kafkaController(), ports.smtp(), ports.mailApi(),
					ports.intake(), ports.triage(), ports.notification(), Ports.management(ports.intake()),
					Ports.management(ports.triage()), Ports.management(ports.notification()))
				.filter(Readiness::portOpen)
				.toList();
			if (!taken.isEmpty()) {
				// Another stack (another test run, a developer's stack moved by 100) would answer the
				// readiness checks for ours, and every test would silently talk to it instead.
				return new Running(null, new IllegalStateException("Ports " + taken
						+ " are already in use: is another local-stack test run going on? Move this one with -D"
						+ PORT_OFFSET_PROPERTY + "=N"));
			}
			LocalStack stack = new LocalStack(ports, StackHome.locate().target().resolve("e2e-run"));
			// If the JVM is ended before JUnit closes the store (a killed fork), the child processes still go.
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-stack-shutdown"));
			try {
				stack.start();
				return new Running(stack, null);
			}
			catch (RuntimeException ex) {
				// start() has already stopped what it started
				return new Running(stack, ex);
			}
		}

		@Override
		public LocalStack stack() {
			if (failure != null) {
				throw new IllegalStateException("The shared local stack did not start", failure);
			}
			return stack;
		}

		@Override
		public void close() {
			if (stack != null) {
				stack.close();
			}
		}

	}

}
