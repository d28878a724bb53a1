package org.openintake.localstack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openintake.localstack.DeadLetters;
import org.openintake.localstack.faults.LoadClient.Submission;

/**
 * What became of one scenario's cases: each accepted case (a 202) must end with exactly one staff
 * email, in its own mailbox.
 *
 * @param accepted cases that got a 202
 * @param lost accepted cases with no email in their mailbox
 * @param duplicated accepted cases with more than one staff email
 * @param deadLettered records added to the {@code *.dlq} topics during the scenario
 * @param drain from the last 202 until the last expected email was there; null when it never was
 * @param slowestCrisis the longest any accepted crisis case took from its 202 to GreenMail taking
 * its on-call email (rounded up to the second: the mail server's clock has no finer grain); after
 * a kill this is how long the crisis lane was without a consumer. Null when there was no crisis case
 * or one never reached on-call.
 * @param lostCaseIds a few of the lost cases, to look them up in the logs
 */
record Reconciliation(String scenario, int submitted, int accepted, int lost, int duplicated, long deadLettered,
		Duration drain, Duration slowestCrisis, List<String> lostCaseIds) {

	private static final Duration POLL = Duration.ofSeconds(2);

	/**
	 * Late duplicates (a redelivered record after a restart) arrive within seconds of the first
	 * copy; waiting this long after the last expected email catches them.
	 */
	private static final Duration SETTLE = Duration.ofSeconds(15);

	static Reconciliation of(String scenario, List<Submission> submissions, StaffMail mail, DeadLetters deadLetters,
			long deadLettersBefore, Duration drainTimeout) throws InterruptedException {
		Map<String, Submission> accepted = submissions.stream()
			.filter(Submission::accepted)
			.collect(Collectors.toMap(Submission::caseId, Function.identity()));
		Instant lastAccepted = accepted.values()
			.stream()
			.map(Submission::acceptedAt)
			.max(Comparator.naturalOrder())
			.orElse(Instant.now());
		Set<String> caseIds = accepted.keySet();
		Instant deadline = Instant.now().plus(drainTimeout);
		Duration drain = null;
		while (Instant.now().isBefore(deadline)) {
			Map<String, List<String>> found = mail.mailboxesByCase(caseIds);
			if (caseIds.stream().allMatch(id -> found.getOrDefault(id, List.of()).contains(accepted.get(id).mailbox()))) {
				drain = Duration.between(lastAccepted, Instant.now());
				break;
			}
			Thread.sleep(POLL.toMillis());
		}
		Thread.sleep(SETTLE.toMillis());
		Map<String, List<String>> found = mail.mailboxesByCase(caseIds);
		List<String> lost = caseIds.stream()
			.filter(id -> !found.getOrDefault(id, List.of()).contains(accepted.get(id).mailbox()))
			.sorted()
			.toList();
		// a case answered elsewhere under another id became two cases: a duplicate even if the
		// second one's email is not among the ids counted here
		int duplicated = (int) (caseIds.stream().filter(id -> found.getOrDefault(id, List.of()).size() > 1).count()
				+ accepted.values().stream().filter(Submission::anotherCase).count());
		return new Reconciliation(scenario, submissions.size(), accepted.size(), lost.size(), duplicated,
				deadLetters.total() - deadLettersBefore, drain, slowestCrisis(accepted, mail), lost.stream().limit(5).toList());
	}

	private static Duration slowestCrisis(Map<String, Submission> accepted, StaffMail mail) {
		Set<String> crisis = accepted.values()
			.stream()
			.filter(Submission::crisis)
			.map(Submission::caseId)
			.collect(Collectors.toSet());
		Map<String, Instant> received = mail.onCallReceived(crisis);
		if (crisis.isEmpty() || !received.keySet().containsAll(crisis)) {
			return null;
		}
		return crisis.stream()
			.map(id -> Duration.between(accepted.get(id).acceptedAt(), received.get(id).plusSeconds(1)))
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

	String line() {
		return "%s | %d/%d | %d | %d | %d | %s | %s".formatted(scenario, accepted, submitted, lost, duplicated,
				deadLettered, drain == null ? "not drained" : "%.1f s".formatted(drain.toMillis() / 1000.0),
				slowestCrisis == null ? "n/a" : "≤%d s".formatted((slowestCrisis.toMillis() + 999) / 1000));
	}

}
