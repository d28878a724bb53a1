package org.openintake.notification.storage;

import org.junit.jupiter.api.Test;
import org.openintake.notification.NotificationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's commits are written through at once, so a killed process loses none of them. */
class H2DurabilityTest extends NotificationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void commitsAreNotDelayed() {
		// H2 lists the setting twice (as set, and as in effect).
		assertThat(this.jdbc
			.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
			.query(String.class)
			.list()).isNotEmpty().containsOnly("0");
	}

}
