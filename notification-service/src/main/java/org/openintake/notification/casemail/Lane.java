package org.openintake.notification.casemail;

import java.util.Locale;

/** The two case topics are two lanes: crisis cases never wait behind routine ones. */
public enum Lane {

	CRISIS, ROUTINE;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
