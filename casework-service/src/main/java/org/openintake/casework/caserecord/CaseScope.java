package org.openintake.casework.caserecord;

import org.openintake.casework.signin.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may see which case, as SQL, so that every query that reads cases (the inbox, its counts, the
 * case page, each action) is scoped by role in the database and not only on the page: a lead sees
 * every case, on-call every crisis case, a track's team that track's routine cases, and anyone a
 * case for which they hold an unexpired break-glass grant. The table must be aliased {@code c}.
 */
public final class CaseScope {

	public static final String PREDICATE = """
			(:lead or (c.crisis and :onCall)
			 or (not c.crisis and c.track = any(string_to_array(:tracks, ',')))
			 or exists (select 1 from break_glass b
			            where b.case_id = c.case_id and b.actor = :subject and b.expires_at > now()))""";

	private CaseScope() {
	}

	public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, StaffMember staff) {
		return statement.param("lead", staff.lead())
			.param("onCall", staff.onCall())
			.param("tracks", String.join(",", staff.trackNames()))
			.param("subject", staff.subject());
	}

}
