package org.openintake.triage.engine.crisis;

/**
 * One slot of a frame as filled in the patient's text: the slot's name, the patient's words and
 * their offsets in the original text, so staff see why a frame fired.
 */
public record SlotFiller(String slot, String text, int start, int end) {

	@Override
	public String toString() {
		return this.slot + "='" + this.text + "'@" + this.start + "-" + this.end;
	}

}
