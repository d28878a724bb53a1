package org.openintake.triage.engine.scoring;

import org.openintake.events.CaseTriaged.Flag;
import org.openintake.events.RiskLevel;

/**
 * A questionnaire answer that raises a crisis flag.
 *
 * @param level the risk the answer stands for by the instrument's published rule
 * @param counts the answer is about now and makes the case a crisis
 */
public record RiskItem(Flag flag, RiskLevel level, boolean counts) {
}
