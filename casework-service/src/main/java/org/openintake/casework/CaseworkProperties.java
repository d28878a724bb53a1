package org.openintake.casework;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a clinic sets for this service under {@code casework.*}.
 *
 * @param responseTargets how long a case may wait for first contact, shown against its waiting time
 * @param escalation when an unacknowledged crisis case escalates, and how often it repeats
 * @param breakGlass how long an audited access outside one's scope lasts
 * @param signin how the identity provider's groups become roles
 * @param topics partitions and replication of the topics this service creates
 */
@ConfigurationProperties("casework")
public record CaseworkProperties(
		@DefaultValue ResponseTargets responseTargets,
		@DefaultValue Escalation escalation,
		@DefaultValue("30m") Duration breakGlass,
		@DefaultValue Signin signin,
		@DefaultValue Topics topics) {

	/**
	 * @param imminent "call now": any wait is already late
	 * @param high "same day"
	 * @param moderate within 24 hours
	 * @param routine the clinic's first-contact target for cases that are not a crisis
	 */
	public record ResponseTargets(
			@DefaultValue("0m") Duration imminent,
			@DefaultValue("8h") Duration high,
			@DefaultValue("24h") Duration moderate,
			@DefaultValue("5d") Duration routine) {

		public Duration forCase(boolean crisis, RiskLevel risk) {
			if (!crisis || risk == null) {
				return this.routine;
			}
			return switch (risk) {
				case IMMINENT -> this.imminent;
				case HIGH -> this.high;
				default -> this.moderate;
			};
		}

	}

	/**
	 * @param imminent a person must acknowledge an IMMINENT crisis case within this
	 * @param high ... a HIGH one
	 * @param moderate ... a MODERATE one
	 * @param repeat after the first escalation, how often it is repeated (to the clinical lead)
	 * @param pollInterval how often overdue cases are looked for
	 */
	public record Escalation(
			@DefaultValue("10m") Duration imminent,
			@DefaultValue("60m") Duration high,
			@DefaultValue("4h") Duration moderate,
			@DefaultValue("15m") Duration repeat,
			@DefaultValue("5s") Duration pollInterval) {

		public Duration deadline(RiskLevel risk) {
			if (risk == null) {
				return this.moderate;
			}
			return switch (risk) {
				case IMMINENT -> this.imminent;
				case HIGH -> this.high;
				default -> this.moderate;
			};
		}

	}

	/**
	 * @param groupsClaim the ID token claim that lists the person's groups
	 * @param leadGroup sees every case, the audit log and reports
	 * @param onCallGroup sees every crisis case
	 * @param trackGroups the group of each track's team (sees that track's routine cases); a track
	 * not listed uses its name in lower case with '-' for '_' (e.g. {@code general-assessment})
	 */
	public record Signin(
			@DefaultValue("groups") String groupsClaim,
			@DefaultValue("lead") String leadGroup,
			@DefaultValue("oncall") String onCallGroup,
			Map<Track, String> trackGroups) {

		public String groupOf(Track track) {
			if (this.trackGroups != null && this.trackGroups.containsKey(track)) {
				return this.trackGroups.get(track);
			}
			return track.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	public record Topics(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {
	}

}
