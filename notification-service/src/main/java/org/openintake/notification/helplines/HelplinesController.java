package org.openintake.notification.helplines;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/helplines?country=ES&lang=es}: who to call now. */
@RestController
class HelplinesController {

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private final HelplineDirectory directory;

	HelplinesController(HelplineDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/api/helplines")
	Helplines helplines(@RequestParam(required = false) String country, @RequestParam(required = false) String lang) {
		if (country != null && !country.isEmpty() && !COUNTRY.matcher(country).matches()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"country must be an ISO 3166-1 alpha-2 code such as ES");
			problem.setTitle("Invalid country");
			problem.setProperty("field", "country");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return this.directory.lookup((country == null || country.isEmpty()) ? null : country, lang);
	}

}
