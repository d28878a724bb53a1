package org.openintake.triage.engine.routing;

import java.util.List;

import org.openintake.events.Track;

/**
 * The suggested track for a clinician to confirm.
 *
 * @param track from the first rule that fired
 * @param secondaryTracks the other tracks rules fired for, in table order
 * @param rationale one sentence per rule that fired
 * @param firedRules the ids of those rules, in order
 */
public record Routing(Track track, List<Track> secondaryTracks, List<String> rationale, List<String> firedRules) {
}
