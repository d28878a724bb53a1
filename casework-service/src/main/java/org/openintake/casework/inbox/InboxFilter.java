package org.openintake.casework.inbox;

import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.Track;

/**
 * What the inbox shows: {@code status} null means every open case (NEW, CONTACTED, BOOKED),
 * {@code allStatuses} every case whatever its status; {@code track} null means every track.
 */
public record InboxFilter(Track track, CaseStatus status, boolean allStatuses, boolean unassigned, boolean mine) {

	static InboxFilter parse(String track, String status, boolean unassigned, boolean mine) {
		Track t = null;
		for (Track candidate : Track.values()) {
			if (candidate.name().equals(track)) {
				t = candidate;
			}
		}
		CaseStatus s = null;
		for (CaseStatus candidate : CaseStatus.values()) {
			if (candidate.name().equals(status)) {
				s = candidate;
			}
		}
		return new InboxFilter(t, s, "ALL".equals(status), unassigned, mine);
	}

	/** The inbox's query string for this filter with one part changed, for the filter links. */
	public String with(String part, String value) {
		String t = "track".equals(part) ? value : (this.track == null ? null : this.track.name());
		String s = "status".equals(part) ? value
				: this.allStatuses ? "ALL" : (this.status == null ? null : this.status.name());
		boolean u = "unassigned".equals(part) ? Boolean.parseBoolean(value) : this.unassigned;
		boolean m = "mine".equals(part) ? Boolean.parseBoolean(value) : this.mine;
		StringBuilder query = new StringBuilder("/staff/cases?");
		if (t != null) {
			query.append("track=").append(t).append('&');
		}
		if (s != null) {
			query.append("status=").append(s).append('&');
		}
		if (u) {
			query.append("unassigned=true&");
		}
		if (m) {
			query.append("mine=true&");
		}
		return query.substring(0, query.length() - 1);
	}

}
