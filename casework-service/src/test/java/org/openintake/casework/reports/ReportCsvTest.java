package org.openintake.casework.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV's text cells cannot become a spreadsheet formula, and its cells are quoted as RFC 4180 says. */
class ReportCsvTest {

	@Test
	void aTextCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
		assertThat(ReportCsv.text("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(ReportCsv.text("+1+2")).isEqualTo("'+1+2");
		assertThat(ReportCsv.text("-2+3")).isEqualTo("'-2+3");
		assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ReportCsv.text("\t=1")).isEqualTo("'\t=1");
		assertThat(ReportCsv.text("\r=1")).isEqualTo("'\r=1");
		assertThat(ReportCsv.text("GENERAL_ASSESSMENT")).isEqualTo("GENERAL_ASSESSMENT");
		assertThat(ReportCsv.text(null)).isEmpty();
	}

	@Test
	void aTrackNamedLikeAFormulaIsWrittenAsTextAndQuoted() {
		LocalDate monday = LocalDate.of(2026, 11, 23);
		ReportRange range = new ReportRange(monday, monday.plusDays(6), ZoneOffset.UTC);
		Figures row = new Figures("=cmd|' /C calc'!A0, \"x\"", monday, 2, 1, 86_400.0, 86_400.0, 1, 0, 1, 0, null, null,
				0, 0, 2, 0, 0, null, null, 0, 0, 0, 2);
		Report report = new Report(range, Instant.parse("2026-11-30T12:00:00Z"), "6 weeks", "18 weeks", row,
				List.of(row), List.of(row), List.of(row), List.of(row.track()), List.of(), List.of(), List.of());

		String[] lines = ReportCsv.of(report, new ReportFormat()).split("\r\n");

		assertThat(lines).hasSize(2);
		assertThat(lines[1]).isEqualTo("2026-11-23,2026-W48,\"'=cmd|' /C calc'!A0, \"\"x\"\"\",2,1,1.00,1.00,1,0,1,100.0,0,,,0,0,2,,"
				+ "0,0,,,0,0,0,2");
	}

}
