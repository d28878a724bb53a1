package org.openintake.casework.caseview;

import java.util.List;

/** One free-text answer as the case page shows it. */
record AnswerView(String question, List<Highlighter.Segment> segments) {
}
