package org.openintake.notification.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * H2 flushes committed transactions up to half a second late by default. A ledger row lost to a
 * {@code kill -9} in that window would let a redelivered case be mailed twice, so on H2 every
 * commit is written through before the consumers start. Other databases are left as configured.
 */
@Component
class H2Durability implements InitializingBean {

	private final DataSource dataSource;

	H2Durability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET WRITE_DELAY 0");
				}
			}
		}
	}

}
