package org.openintake.notification.cases;

import java.util.Optional;

import org.openintake.notification.helplines.HelplineDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/cases/{caseId}/outcome} with {@code Authorization: Bearer <receiptToken>}. A case
 * reference alone reveals nothing: unknown case, missing token and wrong token all get the same 404.
 */
@RestController
class CaseOutcomeController {

	private static final String BEARER = "Bearer ";

	private final CaseStatusStore store;

	private final HelplineDirectory helplines;

	CaseOutcomeController(CaseStatusStore store, HelplineDirectory helplines) {
		this.store = store;
		this.helplines = helplines;
	}

	@GetMapping("/api/cases/{caseId}/outcome")
	Mono<ResponseEntity<?>> outcome(@PathVariable String caseId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String token = (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? authorization.substring(BEARER.length()).trim() : "";
		// JDBC blocks: keep it off the event loop.
		return Mono.fromCallable(() -> (caseId.length() <= 64) ? this.store.find(caseId) : Optional.<CaseRecord>empty())
			.subscribeOn(Schedulers.boundedElastic())
			.map((found) -> {
				String storedHash = found.map(CaseRecord::receiptTokenHash).orElse(null);
				boolean owner = ReceiptTokens.matches(token, storedHash) && !token.isEmpty();
				return owner ? ok(found.get()) : notFound();
			});
	}

	private ResponseEntity<?> ok(CaseRecord found) {
		CaseOutcome outcome = new CaseOutcome(found.status(), found.crisis(), this.helplines.lookup(found.country(), found.locale()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(outcome);
	}

	private static ResponseEntity<?> notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No case with this reference for this receipt token");
		problem.setTitle("Case not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
