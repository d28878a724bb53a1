package org.openintake.casework.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.casework.caserecord.CaseRecords;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.openintake.casework.web.DayRange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case, or the cases of a date range, as FHIR R4 for the clinic's own record system. The same
 * read path as the case page ({@link CaseRecords#findInScope}: role scope and break-glass in SQL)
 * and the same audit: every export, refusal and unknown id is a line in the audit log, written
 * before any data leaves, and an exported case's timeline says who exported it.
 */
@RestController
class FhirExportController {

	static final String CASE_ID = "{caseId:[A-Za-z0-9-]{1,64}}";

	/** Cases read per query while a download streams: bounds memory, not the download. */
	private static final int CHUNK = 100;

	private final CaseRecords cases;

	private final CaseBundles bundles;

	private final FhirJson json;

	private final AuditLog audit;

	private final Timeline timeline;

	private final FhirExportProperties properties;

	private final ZoneId zone;

	private final JsonMapper jsonMapper;

	private final Clock clock = Clock.systemUTC();

	FhirExportController(CaseRecords cases, CaseBundles bundles, FhirJson json, AuditLog audit, Timeline timeline,
			FhirExportProperties properties, JsonMapper jsonMapper, @Value("${casework.time-zone:UTC}") ZoneId zone) {
		this.jsonMapper = jsonMapper;
		this.cases = cases;
		this.bundles = bundles;
		this.json = json;
		this.audit = audit;
		this.timeline = timeline;
		this.properties = properties;
		this.zone = zone;
	}

	@GetMapping("/fhir/cases/" + CASE_ID)
	ResponseEntity<?> exportCase(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			HttpServletRequest request) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		var record = this.cases.findInScope(caseId, staff);
		if (record.isEmpty()) {
			if (this.cases.exists(caseId)) {
				this.audit.record(staff, AuditAction.FHIR_EXPORT, caseId, AuditLog.Outcome.DENIED, null,
						request.getRemoteAddr());
				return problem(HttpStatus.FORBIDDEN, "This case is outside your scope. Open it on the case page "
						+ "with break-glass if you need it now; that is recorded.");
			}
			this.audit.record(staff, AuditAction.FHIR_EXPORT, caseId, AuditLog.Outcome.NOT_FOUND, null,
					request.getRemoteAddr());
			return problem(HttpStatus.NOT_FOUND, "There is no such case.");
		}
		this.audit.record(staff, AuditAction.FHIR_EXPORT, caseId, AuditLog.Outcome.OK, null, request.getRemoteAddr());
		this.timeline.add(caseId, "EXPORTED_AS_FHIR", staff.subject(), staff.name(), null);
		String body = this.json.encode(this.bundles.of(record.get(), this.clock.instant()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, FhirJson.MEDIA_TYPE + ";charset=UTF-8")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"case-" + record.get().shortId() + ".fhir.json\"")
			.body(body);
	}

	/**
	 * The Bundles of the cases submitted from {@code from} to {@code to} (dates, both included), one
	 * per line, for leads. Refused with a 400 that changes nothing for a bad or too long range, or
	 * a range holding more cases than one download may; otherwise audited once, with the range and
	 * the count, before the first line is written, then streamed a few cases at a time.
	 */
	@GetMapping("/fhir/cases")
	void exportRange(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		StaffMember staff = StaffAuthorities.staffMember(user);
		String address = request.getRemoteAddr();
		if (!staff.lead()) {
			this.audit.record(staff, AuditAction.FHIR_EXPORT_RANGE, null, AuditLog.Outcome.DENIED, null, address);
			writeProblem(response, HttpStatus.FORBIDDEN, "Only clinical leads can download the cases of a date range.");
			return;
		}
		DayRange range;
		try {
			range = DayRange.parse(from, to, this.zone, this.properties.maxRangeDays(), "one download");
		}
		catch (DayRange.Invalid ex) {
			this.audit.record(staff, AuditAction.FHIR_EXPORT_RANGE, null, AuditLog.Outcome.REFUSED, ex.getMessage(),
					address);
			writeProblem(response, HttpStatus.BAD_REQUEST, ex.getMessage());
			return;
		}
		int max = this.properties.maxCasesPerDownload();
		List<String> ids = this.cases.idsSubmittedInScope(range.start(), range.end(), staff, max + 1);
		if (ids.size() > max) {
			String why = "More than " + max + " cases were submitted from " + range.from() + " to " + range.to()
					+ "; one download holds at most " + max + ". Choose a shorter range.";
			this.audit.record(staff, AuditAction.FHIR_EXPORT_RANGE, null, AuditLog.Outcome.REFUSED, why, address);
			writeProblem(response, HttpStatus.BAD_REQUEST, why);
			return;
		}
		this.audit.record(staff, AuditAction.FHIR_EXPORT_RANGE, null, AuditLog.Outcome.OK,
				"cases submitted " + range + ": " + ids.size() + " cases", address);

		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(FhirJson.NDJSON_MEDIA_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"cases-" + range.from() + "_" + range.to() + ".ndjson\"");
		OutputStream out = response.getOutputStream();
		for (int at = 0; at < ids.size(); at += CHUNK) {
			List<String> chunk = ids.subList(at, Math.min(ids.size(), at + CHUNK));
			List<CaseRecord> records = this.cases.findAllInScope(chunk, staff);
			this.timeline.addToEach(chunk, "EXPORTED_AS_FHIR", staff.subject(), staff.name(), "in a date-range download");
			for (CaseRecord record : records) {
				out.write(this.json.encode(this.bundles.of(record, this.clock.instant())).getBytes(StandardCharsets.UTF_8));
				out.write('\n');
			}
			out.flush();
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** RFC 9457 problem+json, written directly: this handler writes its own response. */
	private void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(problem));
	}

}
