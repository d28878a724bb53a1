package org.openintake.casework.signin;

import java.util.Set;

import org.openintake.events.Track;

/**
 * The signed-in person and what they may see, from their groups at the identity provider.
 *
 * @param subject the provider's stable id ({@code sub}); what the audit log and events record
 * @param name the display name
 * @param lead sees every case, the audit log and reports
 * @param onCall sees every crisis case
 * @param tracks whose routine cases they see
 */
public record StaffMember(String subject, String name, boolean lead, boolean onCall, Set<Track> tracks) {

	public StaffMember {
		tracks = Set.copyOf(tracks);
	}

	/** Whether the person has any casework role at all. */
	public boolean hasAnyRole() {
		return this.lead || this.onCall || !this.tracks.isEmpty();
	}

	/** Track names for the scope query's {@code track = any(?)}. */
	public String[] trackNames() {
		return this.tracks.stream().map(Track::name).sorted().toArray(String[]::new);
	}

	/** Whether a case with these properties is in this person's scope without break-glass. */
	public boolean covers(boolean crisis, Track track) {
		return this.lead || (crisis && this.onCall) || (!crisis && track != null && this.tracks.contains(track));
	}

}
