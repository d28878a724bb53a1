package org.openintake.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Cases with known waiting times for the report tests, written straight into {@code staff_case}
 * and {@code case_timeline} as the database owner (who, unlike the service's role, may delete
 * them again afterwards, so that other test classes' inboxes do not see them). Every id starts
 * with {@link #PREFIX}.
 */
final class ReportCases {

	static final String PREFIX = "rpt-";

	/** Never on a report page or in its CSV: the report has no patient data. */
	static final String PATIENT_NAME = "Zebedee Reportcase";

	private final JdbcClient owner;

	ReportCases() {
		this.owner = JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl(), "casework", "casework"));
	}

	JdbcClient owner() {
		return this.owner;
	}

	/** A case as casework would have assembled it, with its SUBMITTED and TRIAGED lines. */
	void add(String id, String track, Instant submitted, String status, String locale, String country) {
		this.owner.sql("""
				insert into staff_case (case_id, received_at, submitted_at, locale, country, patient_name, triaged_at,
				                        crisis, risk_level, track, suggested_track, status)
				values (:id, :at, :at, :locale, :country, :name, :at, false, 'LOW', :track, :track, :status)
				""")
			.param("id", PREFIX + id)
			.param("at", Timestamp.from(submitted))
			.param("locale", locale)
			.param("country", country)
			.param("name", PATIENT_NAME)
			.param("track", track)
			.param("status", status)
			.update();
		line(id, submitted, "SUBMITTED");
		line(id, submitted, "TRIAGED");
	}

	/** Makes a case a crisis case, acknowledged after {@code acknowledgedAfter} (or not, if null). */
	void crisis(String id, Duration acknowledgedAfter, int escalationStep) {
		this.owner.sql("""
				update staff_case set crisis = true, risk_level = 'HIGH', escalation_step = :step,
				    acknowledged_at = submitted_at + cast(:after as interval)
				where case_id = :id
				""")
			.param("id", PREFIX + id)
			.param("step", escalationStep)
			.param("after", acknowledgedAfter == null ? null : acknowledgedAfter.toSeconds() + " seconds")
			.update();
		if (acknowledgedAfter != null) {
			line(id, at(id).plus(acknowledgedAfter), "ACKNOWLEDGED");
		}
	}

	/** A timeline line {@code after} the case's submission. */
	void step(String id, Duration after, String kind) {
		line(id, at(id).plus(after), kind);
	}

	void removeAll() {
		this.owner.sql("delete from case_timeline where case_id like '" + PREFIX + "%'").update();
		this.owner.sql("delete from staff_case where case_id like '" + PREFIX + "%'").update();
	}

	private Instant at(String id) {
		return this.owner.sql("select submitted_at from staff_case where case_id = :id")
			.param("id", PREFIX + id)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private void line(String id, Instant at, String kind) {
		this.owner.sql("insert into case_timeline (case_id, at, kind, actor) values (:id, :at, :kind, 'someone')")
			.param("id", PREFIX + id)
			.param("at", Timestamp.from(at))
			.param("kind", kind)
			.update();
	}

}
