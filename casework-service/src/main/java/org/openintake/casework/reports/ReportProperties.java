package org.openintake.casework.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports' settings, under {@code casework.reports.*}.
 *
 * @param contactTarget the clinic's target from submission to first contact (NHS Talking
 * Therapies: 6 weeks); a case contacted after exactly this long is still within it
 * @param bookingTarget the target from submission to a booked appointment (18 weeks)
 * @param defaultWeeks how many ISO weeks the page shows when no range is asked for (the current
 * week included)
 * @param maxRangeDays the longest range one report may cover: a bound on the work one request can
 * ask of the database
 */
@ConfigurationProperties("casework.reports")
record ReportProperties(
		@DefaultValue("42d") Duration contactTarget,
		@DefaultValue("126d") Duration bookingTarget,
		@DefaultValue("12") int defaultWeeks,
		@DefaultValue("731") int maxRangeDays) {

	ReportProperties {
		if (contactTarget.isNegative() || contactTarget.isZero() || bookingTarget.isNegative() || bookingTarget.isZero()) {
			throw new IllegalArgumentException("casework.reports.contact-target and booking-target must be positive");
		}
		if (defaultWeeks < 1 || maxRangeDays < 1) {
			throw new IllegalArgumentException("casework.reports.default-weeks and max-range-days must be positive");
		}
	}

	/** A target as staff read it: "6 weeks", "10 days", "36 hours". */
	static String describe(Duration target) {
		long days = target.toDays();
		if (target.equals(Duration.ofDays(days)) && days % 7 == 0) {
			return days / 7 + (days == 7 ? " week" : " weeks");
		}
		if (target.equals(Duration.ofDays(days))) {
			return days + (days == 1 ? " day" : " days");
		}
		return target.toHours() + " hours";
	}

}
