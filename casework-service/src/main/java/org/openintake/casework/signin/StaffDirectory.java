package org.openintake.casework.signin;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people who have signed in at least once: whom a case can be assigned to. */
@Repository
public class StaffDirectory {

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void signedIn(StaffMember member) {
		this.jdbc.sql("""
				insert into staff_member (subject, name, last_signed_in) values (:subject, :name, now())
				on conflict (subject) do update set name = excluded.name, last_signed_in = excluded.last_signed_in
				""").param("subject", member.subject()).param("name", member.name()).update();
	}

	public List<Colleague> everyone() {
		return this.jdbc.sql("select subject, name from staff_member order by name")
			.query((rs, row) -> new Colleague(rs.getString("subject"), rs.getString("name")))
			.list();
	}

	/** The name of a colleague, or null for someone who never signed in. */
	public String nameOf(String subject) {
		return this.jdbc.sql("select name from staff_member where subject = :subject")
			.param("subject", subject)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public record Colleague(String subject, String name) {
	}

}
