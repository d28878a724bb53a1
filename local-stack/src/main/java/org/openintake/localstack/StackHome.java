package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds what the stack runs: the service jars the build produced and the Kafka and GreenMail
 * libraries copied next to this launcher. Located from the launcher's own location
 * ({@code local-stack/target/local-stack.jar}, or {@code local-stack/target/classes} in tests), so
 * the command works from any working directory.
 */
record StackHome(Path repository, Path target) {

	static StackHome locate() {
		try {
			Path codeSource = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path target = codeSource.getParent();
			return new StackHome(target.getParent().getParent(), target);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the local-stack build directory", ex);
		}
	}

	Path serviceJar(String module) {
		return required(repository.resolve(module).resolve("target").resolve(module + ".jar"));
	}

	Path kafkaLib() {
		return required(target.resolve("kafka-lib"));
	}

	/** The identity provider's runnable jar (the module's plain jar is not runnable). */
	Path identityProviderJar() {
		return required(repository.resolve("identity-provider").resolve("target").resolve("identity-provider-exec.jar"));
	}

	Path greenMailJar() {
		return jarIn("greenmail-lib", "greenmail-standalone");
	}

	private Path jarIn(String directory, String artifact) {
		Path lib = required(target.resolve(directory));
		try (Stream<Path> jars = Files.list(lib)) {
			return jars.filter(jar -> jar.getFileName().toString().startsWith(artifact + "-"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + artifact + " jar in " + lib));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	private static Path required(Path path) {
		if (!Files.exists(path)) {
			throw new IllegalStateException(path + " is missing: build first with ./mvnw -DskipTests package");
		}
		return path;
	}

}
