package org.openintake.triage.engine.crisis;

import java.util.List;
import java.util.Set;

/**
 * What the crisis detector found in one free-text answer.
 *
 * @param findings crisis flags, including negated, historical and third-party ones
 * @param topics routing topics the patient mentions about themselves (e.g. {@code substance},
 * {@code ocd}); negated and third-party mentions are left out
 */
public record TextFindings(List<CrisisFinding> findings, Set<String> topics) {

	public static final TextFindings NONE = new TextFindings(List.of(), Set.of());

}
