package org.openintake.casework.signin;

import java.util.List;

import org.openintake.events.Track;

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
				insert into staff_member (subject, name, last_signed_in, lead, on_call, tracks)
				values (:subject, :name, now(), :lead, :onCall, :tracks)
				on conflict (subject) do update set name = excluded.name, last_signed_in = excluded.last_signed_in,
				    lead = excluded.lead, on_call = excluded.on_call, tracks = excluded.tracks
				""")
			.param("subject", member.subject())
			.param("name", member.name())
			.param("lead", member.lead())
			.param("onCall", member.onCall())
			.param("tracks", String.join(",", member.trackNames()))
			.update();
	}

	/**
	 * The colleagues whose roles, at their last sign-in, let them open a case like this one (the
	 * same rule as {@link StaffMember#covers}): only they can be assigned it.
	 */
	public List<Colleague> covering(boolean crisis, Track track) {
		return this.jdbc.sql("""
				select subject, name from staff_member
				where lead or (:crisis and on_call)
				   or (not :crisis and cast(:track as varchar) is not null
				       and cast(:track as varchar) = any(string_to_array(tracks, ',')))
				order by name
				""")
			.param("crisis", crisis)
			.param("track", track == null ? null : track.name())
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
