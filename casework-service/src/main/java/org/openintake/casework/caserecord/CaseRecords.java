package org.openintake.casework.caserecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openintake.casework.signin.StaffMember;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.CaseTriaged;
import org.openintake.events.EventJson;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads cases, always within the reader's scope (see {@link CaseScope}). */
@Repository
public class CaseRecords {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CaseRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		// the stored form and flags are events' parts, read as tolerantly as the events themselves
		this.json = EventJson.tolerant(json);
	}

	/** The case, if it exists and the person may see it. */
	public Optional<CaseRecord> findInScope(String caseId, StaffMember staff) {
		return CaseScope
			.bind(this.jdbc.sql("select c.* from staff_case c where c.case_id = :caseId and "
					+ CaseScope.PREDICATE), staff)
			.param("caseId", caseId)
			.query(this::caseRecord)
			.optional();
	}

	/** The case, locked until the transaction ends, if it exists and the person may change it. */
	public Optional<CaseRecord> lockInScope(String caseId, StaffMember staff) {
		return CaseScope
			.bind(this.jdbc.sql("select c.* from staff_case c where c.case_id = :caseId and " + CaseScope.PREDICATE
					+ " for update of c"), staff)
			.param("caseId", caseId)
			.query(this::caseRecord)
			.optional();
	}

	/**
	 * The ids of the cases submitted in {@code [from, to)} that the person may see, oldest first, at
	 * most {@code limit} of them: ids only, so that a download can be counted and audited before any
	 * case is read, and its cases then read a few at a time.
	 */
	public List<String> idsSubmittedInScope(Instant from, Instant to, StaffMember staff, int limit) {
		return CaseScope
			.bind(this.jdbc.sql("select c.case_id from staff_case c where c.submitted_at >= :from and c.submitted_at < :to and "
					+ CaseScope.PREDICATE + " order by c.submitted_at, c.case_id limit :limit"), staff)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** These cases (a few at a time: each id is a bind parameter), those the person may see, in the order of {@code caseIds}. */
	public List<CaseRecord> findAllInScope(List<String> caseIds, StaffMember staff) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		List<CaseRecord> found = CaseScope
			.bind(this.jdbc.sql("select c.* from staff_case c where c.case_id in (:ids) and "
					+ CaseScope.PREDICATE), staff)
			.param("ids", caseIds)
			.query(this::caseRecord)
			.list();
		java.util.Map<String, Integer> order = new java.util.HashMap<>();
		for (int i = 0; i < caseIds.size(); i++) {
			order.put(caseIds.get(i), i);
		}
		return found.stream().sorted(java.util.Comparator.comparing(record -> order.get(record.caseId()))).toList();
	}

	/** Whether a case of this id exists at all, whoever may see it: tells "not yours" from "no such case". */
	public boolean exists(String caseId) {
		return this.jdbc.sql("select count(*) from staff_case where case_id = :caseId")
			.param("caseId", caseId)
			.query(Integer.class)
			.single() > 0;
	}

	private CaseRecord caseRecord(ResultSet rs, int row) throws SQLException {
		return new CaseRecord(rs.getString("case_id"), instant(rs, "submitted_at"), rs.getString("locale"),
				rs.getString("country"),
				new CaseRecord.Contact(rs.getString("patient_name"), rs.getString("patient_email"),
						rs.getString("patient_phone"), rs.getString("preferred_contact"), rs.getBoolean("contact_consent")),
				read(rs.getString("form"), new TypeReference<IntakeForm>() {
				}), instant(rs, "triaged_at"), rs.getBoolean("crisis"), riskLevel(rs.getString("risk_level")),
				track(rs.getString("track")), track(rs.getString("suggested_track")),
				list(read(rs.getString("secondary_tracks"), new TypeReference<List<Track>>() {
				})), list(read(rs.getString("flags"), new TypeReference<List<CaseTriaged.Flag>>() {
				})), list(read(rs.getString("scores"), new TypeReference<List<CaseTriaged.Score>>() {
				})), list(read(rs.getString("rationale"), new TypeReference<List<String>>() {
				})), rs.getString("ruleset_version"), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("assignee"), rs.getString("assignee_name"), instant(rs, "acknowledged_at"),
				rs.getString("acknowledged_by_name"), instant(rs, "acknowledgement_due_at"), rs.getInt("escalation_step"),
				rs.getInt("version"));
	}

	private <T> T read(String value, TypeReference<T> type) {
		return value == null ? null : this.json.readValue(value, type);
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp != null ? timestamp.toInstant() : null;
	}

	static RiskLevel riskLevel(String value) {
		return value != null ? RiskLevel.valueOf(value) : null;
	}

	static Track track(String value) {
		return value != null ? Track.valueOf(value) : null;
	}

}
