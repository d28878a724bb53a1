package org.openintake.notification.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.openintake.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps only what is still needed: case statuses (which the patient page polls for minutes, not
 * months), ledger rows and acknowledgements (which only matter while Kafka could still redeliver
 * a record) older than {@code notification.retention} are deleted.
 */
@Component
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	private final Clock clock;

	RetentionPurge(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${notification.retention-check-interval:PT1H}")
	void purge() {
		Timestamp cutoff = Timestamp.from(Instant.now(this.clock).minus(this.properties.retention()));
		int cases = this.jdbc.sql("DELETE FROM case_status WHERE updated_at < ?").param(cutoff).update();
		int emails = this.jdbc.sql("DELETE FROM email_ledger WHERE sent_at < ?").param(cutoff).update();
		int acknowledgements = this.jdbc.sql("DELETE FROM case_acknowledgement WHERE recorded_at < ?")
			.param(cutoff)
			.update();
		if (cases + emails + acknowledgements > 0) {
			log.info("Retention: removed {} case statuses, {} ledger entries and {} acknowledgements older than {}",
					cases, emails, acknowledgements, this.properties.retention());
		}
	}

}
