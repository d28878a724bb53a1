package org.openintake.casework.inbox;

import java.util.Map;

/** How many cases each filter would show, within the person's scope. */
public record InboxCounts(long open, long unassigned, long mine, long unacknowledgedCrisis, Map<String, Long> byStatus,
		Map<String, Long> byTrack) {

	public long status(String status) {
		return this.byStatus.getOrDefault(status, 0L);
	}

	public long track(String track) {
		return this.byTrack.getOrDefault(track, 0L);
	}

}
