package org.openintake.casework.actions;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CaseActivity.CaseStatus;

/**
 * The statuses a case moves through: NEW, CONTACTED, BOOKED, CLOSED, and from any open status
 * DECLINED (the patient does not want it) or REFERRED_ELSEWHERE. The last three end the case.
 */
public final class Workflow {

	private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
			CaseStatus.NEW, EnumSet.of(CaseStatus.CONTACTED, CaseStatus.DECLINED, CaseStatus.REFERRED_ELSEWHERE),
			CaseStatus.CONTACTED,
			EnumSet.of(CaseStatus.BOOKED, CaseStatus.CLOSED, CaseStatus.DECLINED, CaseStatus.REFERRED_ELSEWHERE),
			CaseStatus.BOOKED, EnumSet.of(CaseStatus.CLOSED, CaseStatus.DECLINED, CaseStatus.REFERRED_ELSEWHERE),
			CaseStatus.CLOSED, EnumSet.noneOf(CaseStatus.class), CaseStatus.DECLINED, EnumSet.noneOf(CaseStatus.class),
			CaseStatus.REFERRED_ELSEWHERE, EnumSet.noneOf(CaseStatus.class));

	private Workflow() {
	}

	public static Set<CaseStatus> next(CaseStatus from) {
		return NEXT.get(from);
	}

	public static boolean allowed(CaseStatus from, CaseStatus to) {
		return NEXT.get(from).contains(to);
	}

}
