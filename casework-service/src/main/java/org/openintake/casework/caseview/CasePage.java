package org.openintake.casework.caseview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openintake.casework.CaseworkProperties;
import org.openintake.casework.actions.Workflow;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.casework.inbox.ResponseClock;
import org.openintake.casework.signin.StaffDirectory;
import org.openintake.casework.signin.StaffMember;
import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the case page shows, put into the model in one place (the page and the refused-action view share it). */
@Component
public class CasePage {

	private final Timeline timeline;

	private final StaffDirectory directory;

	private final CaseworkProperties properties;

	CasePage(Timeline timeline, StaffDirectory directory, CaseworkProperties properties) {
		this.timeline = timeline;
		this.directory = directory;
		this.properties = properties;
	}

	public String render(CaseRecord record, StaffMember staff, Model model) {
		model.addAttribute("case", record);
		model.addAttribute("staff", staff);
		model.addAttribute("answers", answers(record));
		model.addAttribute("clock", ResponseClock.of(record.crisis(), record.riskLevel(), record.submittedAt(),
				record.status(), Instant.now(), this.properties.responseTargets()));
		model.addAttribute("timeline", this.timeline.of(record.caseId()));
		model.addAttribute("colleagues", this.directory.covering(record.crisis(), record.track()));
		model.addAttribute("nextStatuses", Workflow.next(record.status()));
		model.addAttribute("tracks", Arrays.stream(Track.values()).filter(track -> track != record.track()).toList());
		model.addAttribute("form", record.form());
		return "case";
	}

	private static List<AnswerView> answers(CaseRecord record) {
		IntakeForm form = record.form();
		if (form == null || form.answers() == null) {
			return List.of();
		}
		List<AnswerView> answers = new ArrayList<>();
		add(answers, "What brings you here", form.answers().concerns(), "answers.concerns", record);
		add(answers, "History", form.answers().history(), "answers.history", record);
		add(answers, "Goals", form.answers().goals(), "answers.goals", record);
		return answers;
	}

	private static void add(List<AnswerView> answers, String question, String text, String source, CaseRecord record) {
		if (text != null && !text.isBlank()) {
			answers.add(new AnswerView(question, Highlighter.segments(text, source, record.flags())));
		}
	}

}
