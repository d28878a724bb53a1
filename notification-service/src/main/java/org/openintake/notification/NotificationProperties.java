package org.openintake.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openintake.events.Track;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a deployment sets for this service under {@code notification.*}.
 *
 * @param from sender address of every email
 * @param caseLinkBaseUrl staff open a case at {@code <caseLinkBaseUrl>/<caseId>} (casework-service's case page)
 * @param mailboxes where staff emails go
 * @param retry back-off for SMTP that is temporarily unavailable, per lane
 * @param cors origins of the patient page allowed to call the GET APIs
 * @param retention how long case statuses and ledger entries are kept; longer than the case topics'
 * retention, so any record Kafka can still redeliver is still in the ledger
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
		@DefaultValue("openintake@clinic.local") String from,
		@DefaultValue("http://127.0.0.1:8083/staff/cases") URI caseLinkBaseUrl,
		@DefaultValue Mailboxes mailboxes,
		Retries retry,
		@DefaultValue Cors cors,
		@DefaultValue("30d") Duration retention) {

	public NotificationProperties {
		retry = (retry != null) ? retry : new Retries(null, null);
	}

	/**
	 * @param crisisOnCall receives every crisis case, flagged high priority
	 * @param escalation receives a crisis case the on-call mailbox could not be sent, and every
	 * escalation of a crisis case nobody acknowledged in time
	 * @param clinicalLead receives the second and later escalations of an unacknowledged crisis case
	 * @param trackDomain a track without an explicit mailbox goes to
	 * {@code <track, lower case, '_' as '-'>@<trackDomain>}
	 * @param tracks explicit mailbox per track, overriding the derived one
	 */
	public record Mailboxes(
			@DefaultValue("crisis-oncall@clinic.local") String crisisOnCall,
			@DefaultValue("crisis-escalation@clinic.local") String escalation,
			@DefaultValue("clinical-lead@clinic.local") String clinicalLead,
			@DefaultValue("clinic.local") String trackDomain,
			Map<Track, String> tracks) {

		public String forTrack(Track track) {
			Track effective = (track == null) ? Track.GENERAL_ASSESSMENT : track;
			if (this.tracks != null && this.tracks.containsKey(effective)) {
				return this.tracks.get(effective);
			}
			return effective.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@" + this.trackDomain;
		}

	}

	/** Crisis emails retry sooner and for longer than routine ones. Unset fields keep the lane's default. */
	public record Retries(Retry crisis, Retry routine) {

		static final Retry CRISIS_DEFAULT = new Retry(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 60);

		static final Retry ROUTINE_DEFAULT = new Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 40);

		public Retries {
			crisis = Retry.withDefaults(crisis, CRISIS_DEFAULT);
			routine = Retry.withDefaults(routine, ROUTINE_DEFAULT);
		}

	}

	/**
	 * Exponential back-off for a record whose email could not be handed to SMTP for a temporary
	 * reason; after {@code maxRetries} the record goes to the dead-letter topic.
	 */
	public record Retry(Duration initialInterval, Double multiplier, Duration maxInterval, Integer maxRetries) {

		static Retry withDefaults(Retry given, Retry defaults) {
			if (given == null) {
				return defaults;
			}
			return new Retry(
					(given.initialInterval != null) ? given.initialInterval : defaults.initialInterval,
					(given.multiplier != null) ? given.multiplier : defaults.multiplier,
					(given.maxInterval != null) ? given.maxInterval : defaults.maxInterval,
					(given.maxRetries != null) ? given.maxRetries : defaults.maxRetries);
		}

	}

	public record Cors(@DefaultValue({ "http://127.0.0.1:8080", "http://localhost:8080" }) List<String> allowedOrigins) {
	}

}
