package org.openintake.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.openintake.notification.casemail.CaseNotifier;
import org.openintake.notification.casemail.Lane;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka can hand one record to two consumers at once: a consumer evicted from its group (a broker
 * restart, a missed session) still works through the batch it fetched while its successor reads
 * the same records again. Both then reach the outbox with the same case at the same moment, and
 * the staff and the patient must still get each email once. Here several threads play those
 * consumers, released together on the same cases.
 */
class ConcurrentDeliveryTest extends NotificationTestSupport {

	private static final int CONSUMERS = 6;

	private static final int CASES = 20;

	@Autowired
	private CaseNotifier notifier;

	@Test
	void theSameCaseHandedToSeveralConsumersAtOnceIsMailedOnce() throws Exception {
		List<String> caseIds = new ArrayList<>();
		ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
		try {
			for (int i = 0; i < CASES; i++) {
				String caseId = newCaseId();
				caseIds.add(caseId);
				boolean crisis = i % 2 == 0;
				CaseTriaged event = crisis
						? triaged(caseId, true, RiskLevel.IMMINENT, Track.PSYCHIATRY,
								List.of(CrisisCategory.SUICIDE_INTENT),
								contact("Ada", "ada@example.org", true, "en", "GB", null))
						: triaged(caseId, false, RiskLevel.LOW, Track.CBT, List.of(),
								contact("Bo", "bo@example.org", true, "en", "GB", null));
				everyoneAtOnce(consumers, () -> this.notifier.notify(event, crisis ? Lane.CRISIS : Lane.ROUTINE));
			}
		}
		finally {
			consumers.shutdownNow();
		}

		for (int i = 0; i < CASES; i++) {
			String caseId = caseIds.get(i);
			String staff = (i % 2 == 0) ? "crisis-oncall@clinic.local" : "cbt@clinic.local";
			String patient = (i % 2 == 0) ? "ada@example.org" : "bo@example.org";
			assertThat(mails(caseId, staff)).as("staff emails for case %d", i).hasSize(1);
			assertThat(mails(caseId, patient)).as("patient acknowledgements for case %d", i).hasSize(1);
			assertThat(mails(caseId)).as("all emails for case %d", i).hasSize(2);
		}
	}

	/** Runs {@code work} on every consumer thread, released by one latch, and waits for all of them. */
	private static void everyoneAtOnce(ExecutorService consumers, Runnable work) throws Exception {
		CountDownLatch ready = new CountDownLatch(CONSUMERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < CONSUMERS; c++) {
			running.add(consumers.submit(() -> {
				ready.countDown();
				go.await();
				work.run();
				return null;
			}));
		}
		ready.await();
		go.countDown();
		for (Future<?> consumer : running) {
			consumer.get();
		}
	}

}
