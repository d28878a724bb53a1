package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Faster start-up for one service jar, the way Spring Boot documents it: the jar extracted once
 * (classes then load from plain files, which class-data sharing needs) and an archive of the
 * classes the service loaded, recorded when a run of it ends cleanly and mapped by every later
 * start. On JDK 25 and later that is the AOT cache ({@code -XX:AOTCache}, classes loaded and
 * linked ahead of time); on JDK 17 to 24 a dynamic CDS archive ({@code -XX:SharedArchiveFile}).
 * Measured on the build machine, both roughly halve a service's start (see the README).
 * <p>
 * Everything lives under {@code local-stack/target/class-data}, keyed by the jar's size and
 * modification time, so a rebuilt jar gets a fresh extraction and a fresh archive. The JVM
 * checks an archive against the class path itself and ignores one that does not match
 * ({@code -Xshare:auto}), so a stale or half-written archive costs only the speed-up. Each run
 * records into a file of its own, moved into place once the process has exited, so two stacks
 * (or a restarted instance) never write the archive another JVM has mapped.
 */
final class ClassDataCache {

	/** JDK 25 runs one-step AOT cache creation at exit (JEP 514); earlier JDKs use dynamic CDS. */
	private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

	private final String module;

	private final Path extractedJar;

	private final Path archive;

	private final Path recording;

	private ClassDataCache(String module, Path extractedJar, Path archive, Path recording) {
		this.module = module;
		this.extractedJar = extractedJar;
		this.archive = archive;
		this.recording = recording;
	}

	/** Extracts {@code jar} unless an extraction of this very jar is already there. */
	static ClassDataCache prepare(String module, Path jar, Path root) {
		try {
			String key = module + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
			Path extracted = root.resolve(key);
			if (!Files.isDirectory(extracted)) {
				extract(jar, root, extracted);
			}
			Path archive = root.resolve(key + (AOT_CACHE ? ".aot" : ".jsa"));
			Path recording = root.resolve(key + "-" + UUID.randomUUID() + (AOT_CACHE ? ".aot" : ".jsa") + ".recording");
			return new ClassDataCache(module, extracted.resolve(jar.getFileName()), archive, recording);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + jar + " for a faster start", ex);
		}
	}

	/** The jar to run: the extracted one, whose manifest points at its {@code lib/} directory. */
	Path jar() {
		return extractedJar;
	}

	/** Map the archive when there is one, otherwise record one for the next start. */
	List<String> jvmOptions() {
		if (Files.isRegularFile(archive)) {
			return List.of((AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
		}
		return List.of((AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + recording);
	}

	/**
	 * After the process exited: the recording (written at a clean exit) becomes the archive,
	 * unless another run got there first. A process that was killed may have left half of one.
	 *
	 * @param clean the process ended by itself after SIGTERM
	 */
	void processEnded(boolean clean) {
		if (!Files.isRegularFile(recording)) {
			return;
		}
		try {
			if (clean && !Files.exists(archive)) {
				Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
				System.out.println("[local-stack] " + module + ": class-data archive recorded; the next start maps it");
			}
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			// another stack recorded one at the same moment: theirs serves as well as ours
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(recording);
			}
			catch (IOException ex) {
				// only disk space; the next clean build removes it
			}
		}
	}

	/** Spring Boot's own extraction, into a directory of its own first so no one sees half of it. */
	private static void extract(Path jar, Path root, Path extracted) throws IOException {
		Files.createDirectories(root);
		Path partial = root.resolve(extracted.getFileName() + "-" + UUID.randomUUID() + ".partial");
		OneShotCommand.run(List.of(StackHome.java().toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", partial.toString()), root.resolve(partial.getFileName() + ".log"), "Extracting " + jar);
		try {
			Files.move(partial, extracted, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
			deleteTree(partial);
		}
		Files.deleteIfExists(root.resolve(partial.getFileName() + ".log"));
	}

	private static void deleteTree(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
