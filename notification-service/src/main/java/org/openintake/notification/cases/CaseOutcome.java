package org.openintake.notification.cases;

import org.openintake.notification.helplines.Helplines;

/** What the patient page learns about its own case. */
record CaseOutcome(CaseStatus status, boolean crisis, Helplines helplines) {
}
