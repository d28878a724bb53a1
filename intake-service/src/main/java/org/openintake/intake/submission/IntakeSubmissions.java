package org.openintake.intake.submission;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.openintake.intake.lane.Lane;
import org.openintake.intake.lane.PreScreen;
import org.openintake.intake.submission.IdempotencyStore.Attempt;
import org.openintake.intake.submission.IdempotencyStore.Entry;
import org.openintake.intake.submission.SubmissionMetrics.Outcome;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Turns a valid form into a case: gives it an identity, publishes {@link IntakeSubmitted} and
 * answers with the receipt once Kafka acknowledged it.
 */
@Service
class IntakeSubmissions {

	private final IntakePublisher publisher;

	private final PreScreen preScreen;

	private final IdempotencyStore idempotency;

	private final KeyedIdentities keyedIdentities;

	private final IntakeProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final TimeBasedEpochGenerator caseIds = Generators.timeBasedEpochGenerator();

	IntakeSubmissions(IntakePublisher publisher, PreScreen preScreen, IdempotencyStore idempotency,
			KeyedIdentities keyedIdentities, IntakeProperties properties, JsonMapper json) {
		this.publisher = publisher;
		this.preScreen = preScreen;
		this.idempotency = idempotency;
		this.keyedIdentities = keyedIdentities;
		this.properties = properties;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	record Submitted(Receipt receipt, Outcome outcome) {
	}

	/**
	 * @param idempotencyKey a validated key, or null
	 * @return the receipt once Kafka acknowledged the event; {@link KafkaUnavailable} if it did not
	 */
	Mono<Submitted> submit(IntakeForm form, String idempotencyKey) {
		return Mono.defer(() -> {
			if (idempotencyKey == null) {
				CaseIdentity identity = new CaseIdentity(UUID.randomUUID(), caseIds.generate().toString(),
						ReceiptToken.generate());
				return wait(deliver(identity, form)).map(receipt -> new Submitted(receipt, Outcome.ACCEPTED));
			}
			String bodyHash = ReceiptToken.sha256Hex(json.writeValueAsString(form));
			// the store shares one delivery among concurrent retries on this instance and refuses a
			// second form under the key; the identity itself is the same on every instance
			Entry entry = idempotency.entryFor(idempotencyKey,
					key -> new Entry(bodyHash, keyedIdentities.identityOf(key, bodyHash)));
			if (!entry.bodyHash().equals(bodyHash)) {
				return Mono.error(IntakeRejected.unprocessable(
						"This Idempotency-Key was already used for a different submission.",
						List.of(new FieldError("Idempotency-Key", "was already used with a different body", "idempotency"))));
			}
			Attempt attempt = entry.slot().attach();
			if (attempt.owner()) {
				deliver(entry.identity(), form).whenComplete((receipt, failure) -> {
					if (failure != null) {
						attempt.delivery().completeExceptionally(failure);
					}
					else {
						attempt.delivery().complete(receipt);
					}
				});
			}
			return wait(attempt.delivery())
				.map(receipt -> new Submitted(receipt, attempt.owner() ? Outcome.ACCEPTED : Outcome.DUPLICATE));
		});
	}

	/**
	 * Starts publishing at once and independently of the HTTP request: a client that hangs up
	 * must not leave a half-finished delivery that later retries would wait on forever. The
	 * pre-screen and the send run on a worker thread: the engine is CPU work, and the producer may
	 * block up to max.block.ms.
	 */
	private CompletableFuture<Receipt> deliver(CaseIdentity identity, IntakeForm form) {
		IntakeSubmitted event = new IntakeSubmitted(identity.eventId(), identity.caseId(), clock.instant(),
				IntakeSubmitted.SCHEMA_VERSION, identity.token().hash(), form);
		try {
			return CompletableFuture.supplyAsync(() -> {
				Lane lane = preScreen.laneOf(form);
				return publisher.publish(event, lane.topic()).thenApply(sent -> receipt(identity, form, lane));
			}, task -> Schedulers.boundedElastic().schedule(task)).thenCompose(receipt -> receipt);
		}
		catch (RuntimeException overloaded) {
			// the worker pool refused the task: the same as Kafka not taking it, and a shared
			// delivery must still complete so that retries are not left waiting
			return CompletableFuture.failedFuture(overloaded);
		}
	}

	private Mono<Receipt> wait(CompletableFuture<Receipt> delivery) {
		// suppressCancel: a cancelled request must not cancel a delivery other requests share
		return Mono.fromFuture(delivery, true)
			.onErrorMap(failure -> !(failure instanceof IntakeRejected),
					failure -> new KafkaUnavailable(properties.retryAfter(), failure));
	}

	private Receipt receipt(CaseIdentity identity, IntakeForm form, Lane lane) {
		String base = properties.links().notificationBaseUrl().replaceAll("/+$", "");
		return new Receipt(identity.caseId(), identity.token().token(), "RECEIVED", lane.crisis(),
				new Receipt.Links(base + "/api/cases/" + identity.caseId() + "/outcome",
						base + "/api/helplines?country=" + form.country() + "&lang=" + form.locale()));
	}

}
