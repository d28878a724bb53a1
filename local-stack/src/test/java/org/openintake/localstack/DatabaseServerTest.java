package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stack's PostgreSQL on its own (ports moved by 900, beside the shared test stack): each
 * service's role reaches its own database and no other, passwords are checked, and a restart
 * keeps the data.
 */
class DatabaseServerTest {

	private static final Ports PORTS = Ports.withOffset(900);

	private static DatabaseServer database;

	@BeforeAll
	static void start() {
		Path runDir = StackHome.locate().target().resolve("database-test-run");
		deleteRecursively(runDir);
		database = new DatabaseServer(PORTS, runDir);
		database.start();
	}

	@AfterAll
	static void stop() {
		if (database != null) {
			database.stop();
		}
	}

	@Test
	void eachRoleReachesItsOwnDatabaseOnly() throws SQLException {
		assertConnects("notification", "notification", "notification");
		assertConnects("casework", "casework", "casework");
		assertConnects("casework", DatabaseServer.CASEWORK_APP, DatabaseServer.CASEWORK_APP_PASSWORD);
		assertRefused("casework", "notification", "notification");
		assertRefused("notification", DatabaseServer.CASEWORK_APP, DatabaseServer.CASEWORK_APP_PASSWORD);
		assertRefused("notification", "notification", "not-the-password");
		// the superuser's password is the launcher's secret
		assertRefused("postgres", "postgres", "");
	}

	@Test
	void listensOn127001Only() throws SocketException {
		assertThat(database.jdbcUrl("notification")).isEqualTo("jdbc:postgresql://127.0.0.1:" + PORTS.postgres()
				+ "/notification");
		assertThat(database.notificationJdbcUrl()).endsWith("/notification");
		assertThat(database.caseworkJdbcUrl()).endsWith("/casework");
		assertThat(PORTS.postgres()).isEqualTo(5432 + 900);
		assertThat(Readiness.portOpen(PORTS.postgres())).isTrue();
		// on this machine's other addresses nobody answers (none at all on a machine with loopback only)
		for (InetAddress address : otherAddresses()) {
			assertThatExceptionOfType(IOException.class).as(address.toString()).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, PORTS.postgres()), 2000);
				}
			});
		}
	}

	private static List<InetAddress> otherAddresses() throws SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
	}

	@Test
	void aRestartKeepsTheData() throws SQLException {
		try (Connection connection = connect("notification", "notification", "notification");
				Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE IF NOT EXISTS kept (id INT PRIMARY KEY)");
			sql.execute("INSERT INTO kept VALUES (1) ON CONFLICT DO NOTHING");
		}

		database.restart();

		try (Connection connection = connect("notification", "notification", "notification");
				Statement sql = connection.createStatement();
				var rows = sql.executeQuery("SELECT COUNT(*) FROM kept")) {
			rows.next();
			assertThat(rows.getInt(1)).isOne();
		}
	}

	/** Each run starts from an empty data directory, as the launcher's runs do. */
	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void assertConnects(String db, String user, String password) throws SQLException {
		try (Connection connection = connect(db, user, password)) {
			assertThat(connection.isValid(5)).as(user + " on " + db).isTrue();
		}
	}

	private static void assertRefused(String db, String user, String password) {
		assertThatExceptionOfType(SQLException.class).as(user + " on " + db)
			.isThrownBy(() -> connect(db, user, password).close());
	}

	private static Connection connect(String db, String user, String password) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(db), user, password);
	}

}
