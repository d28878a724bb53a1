package org.openintake.casework.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.openintake.casework.web.DayRange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Waiting times and crisis acknowledgement for clinical leads, as a page with charts and tables
 * and as CSV. Only counts and durations: no patient data leaves, but every view and download is
 * audited (with the range), and so is every refusal. Leads only, checked here rather than in the
 * security configuration so that a refused attempt is audited like any other.
 */
@Controller
class ReportsController {

	private final ReportQuery query;

	private final ReportProperties properties;

	private final ReportFormat format;

	private final AuditLog audit;

	private final ZoneId zone;

	private final Timer queries;

	private final Clock clock = Clock.systemUTC();

	ReportsController(ReportQuery query, ReportProperties properties, ReportFormat format, AuditLog audit,
			MeterRegistry meters, @Value("${casework.time-zone:UTC}") ZoneId zone) {
		this.queries = Timer.builder("casework.reports.queries").register(meters);
		this.query = query;
		this.properties = properties;
		this.format = format;
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/staff/reports")
	String page(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request, Model model) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		ReportRange range = allowed(staff, AuditAction.VIEW_REPORTS, from, to, request);
		Report report = report(range);
		this.audit.record(staff, AuditAction.VIEW_REPORTS, null, AuditLog.Outcome.OK, "cases submitted " + range,
				request.getRemoteAddr());
		model.addAttribute("staff", staff);
		model.addAttribute("report", report);
		return "reports";
	}

	@GetMapping("/staff/reports.csv")
	ResponseEntity<String> csv(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		ReportRange range = allowed(staff, AuditAction.DOWNLOAD_REPORT, from, to, request);
		Report report = report(range);
		this.audit.record(staff, AuditAction.DOWNLOAD_REPORT, null, AuditLog.Outcome.OK,
				"cases submitted " + range + ": " + report.byTrackAndWeek().size() + " rows", request.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"openintake-report-" + range.from() + "_" + range.to() + ".csv\"")
			.body(ReportCsv.of(report, this.format));
	}

	/** A refused report, as a page: "Not allowed" for a colleague who is not a lead, the reason for a bad range. */
	@ExceptionHandler(Refused.class)
	ModelAndView refused(Refused refused) {
		ModelAndView page = new ModelAndView(refused.status == HttpStatus.FORBIDDEN ? "denied" : "report-range");
		page.setStatus(refused.status);
		page.addObject("staff", refused.staff);
		page.addObject("reason", refused.getMessage());
		return page;
	}

	/**
	 * The range to report on; a colleague who is not a lead, or a range that cannot be used, is
	 * refused (and the refusal audited) before any query runs.
	 */
	private ReportRange allowed(StaffMember staff, AuditAction action, String from, String to,
			HttpServletRequest request) {
		if (!staff.lead()) {
			this.audit.record(staff, action, null, AuditLog.Outcome.DENIED, null, request.getRemoteAddr());
			throw new Refused(staff, HttpStatus.FORBIDDEN, "Reports are for clinical leads.");
		}
		try {
			return ReportRange.parse(from, to, LocalDate.now(this.clock.withZone(this.zone)), this.zone,
					this.properties.defaultWeeks(), this.properties.maxRangeDays());
		}
		catch (DayRange.Invalid ex) {
			this.audit.record(staff, action, null, AuditLog.Outcome.REFUSED, ex.getMessage(), request.getRemoteAddr());
			throw new Refused(staff, HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	/** The report's four queries, timed ({@code casework.reports.queries}: how long a lead waits on the database). */
	private Report report(ReportRange range) {
		Instant now = this.clock.instant();
		return this.queries.record(() -> Report.of(range, now, this.properties,
				this.query.figures(range, now, this.properties), this.query.openByAge(range, now, this.properties),
				this.query.languages(range), this.query.countries(range)));
	}

	/** Why a report is not shown, and with which status. */
	static final class Refused extends RuntimeException {

		private final StaffMember staff;

		private final HttpStatus status;

		Refused(StaffMember staff, HttpStatus status, String reason) {
			super(reason, null, false, false);
			this.staff = staff;
			this.status = status;
		}

	}

}
