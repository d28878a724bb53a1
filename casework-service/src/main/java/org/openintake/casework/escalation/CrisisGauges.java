package org.openintake.casework.escalation;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the crisis loop, read from the database every few seconds (not per scrape): how many
 * open crisis cases no person has acknowledged, how many of them are past their deadline, and the
 * age of the oldest. The alert on the overdue count pages ops when escalation emails are not enough.
 */
@Component
class CrisisGauges {

	private final JdbcClient jdbc;

	private final AtomicLong unacknowledged = new AtomicLong();

	private final AtomicLong overdue = new AtomicLong();

	private final AtomicLong oldestSeconds = new AtomicLong();

	CrisisGauges(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		Gauge.builder("casework.crisis.unacknowledged", this.unacknowledged, AtomicLong::get)
			.description("Open crisis cases no person has acknowledged")
			.register(meters);
		Gauge.builder("casework.crisis.acknowledgement.overdue", this.overdue, AtomicLong::get)
			.description("Unacknowledged crisis cases past their acknowledgement deadline")
			.register(meters);
		Gauge.builder("casework.crisis.unacknowledged.oldest", this.oldestSeconds, AtomicLong::get)
			.description("Age of the oldest unacknowledged crisis case since submission")
			.baseUnit("seconds")
			.register(meters);
		// at zero from the start, so that dashboards and alerts see the series before the first crisis
		for (String risk : new String[] { "IMMINENT", "HIGH", "MODERATE" }) {
			meters.counter("casework.crisis.escalations", "risk", risk);
			meters.counter("casework.crisis.acknowledged", "risk", risk);
		}
	}

	@Scheduled(fixedDelayString = "${casework.gauges.refresh:5s}")
	void refresh() {
		this.jdbc.sql("""
				select count(*) as unacknowledged,
				       count(*) filter (where acknowledgement_due_at <= now()) as overdue,
				       coalesce(extract(epoch from now() - min(coalesce(submitted_at, received_at))), 0) as oldest
				from staff_case
				where crisis and acknowledged_at is null and status in ('NEW', 'CONTACTED', 'BOOKED')
				""").query(rs -> {
					this.unacknowledged.set(rs.getLong("unacknowledged"));
					this.overdue.set(rs.getLong("overdue"));
					this.oldestSeconds.set((long) rs.getDouble("oldest"));
				});
	}

}
