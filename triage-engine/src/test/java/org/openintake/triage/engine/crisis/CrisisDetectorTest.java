package org.openintake.triage.engine.crisis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CrisisDetectorTest {

	static final CrisisDetector DETECTOR = CrisisDetector.loadDefault();

	static CaseTriaged.Flag only(String text, String language) {
		List<CrisisFinding> findings = DETECTOR.detect(text, "answers.concerns", language).findings();
		assertThat(findings).as(text).hasSize(1);
		CaseTriaged.Flag flag = findings.get(0).flag();
		assertThat(text.substring(flag.start(), flag.end())).as("offsets point at the original words")
			.isEqualTo(flag.matchedText());
		return flag;
	}

	@Test
	void everyLanguageIsLoadedAndRunsOnEveryText() {
		assertThat(DETECTOR.languages()).containsExactly("en", "es", "de", "fr", "it");
		assertThat(DETECTOR.version()).contains("en@").contains("it@");
		// a German sentence in an English form is still read by the German lexicon
		assertThat(only("Ich will nicht mehr leben.", "en").language()).isEqualTo("de");
	}

	@Test
	void foldingKeepsOffsetsThroughCaseAccentsLigaturesAndWideLetters() {
		assertThat(only("Je pense à DISPARAÎTRE pour de bon", "fr").matchedText()).isEqualTo("Je pense à DISPARAÎTRE pour de bon");
		assertThat(only("Ich möchte sterben", "de").matchedText()).isEqualTo("Ich möchte sterben");
		assertThat(only("ich moechte sterben", "de").matchedText()).isEqualTo("ich moechte sterben");
		// decomposed accents (e + combining acute) fold like the composed letter
		assertThat(only("Je pense a\u0300 disparai\u0302tre pour de bon", "fr").category())
			.isEqualTo(CrisisCategory.SUICIDAL_IDEATION_PASSIVE);
		// full-width letters (NFKC) and a ligature
		assertThat(only("I want to ｋｉｌｌ ｍｙｓｅｌｆ", "en").matchedText()).isEqualTo("want to ｋｉｌｌ ｍｙｓｅｌｆ");
		assertThat(only("Ma sœur dit qu'elle veut mourir", "fr").otherExperiencer()).isTrue();
		assertThat(only("Ma soeur dit qu'elle veut mourir", "fr").otherExperiencer()).isTrue();
	}

	@Test
	void obfuscatedAndMisspeltWordsAreExtraCandidatesMarkedAsVariants() {
		CaseTriaged.Flag leet = only("honestly i want to k1ll mys3lf", "en");
		assertThat(leet.ruleId()).endsWith("~variant");
		assertThat(leet.matchedText()).isEqualTo("want to k1ll mys3lf");
		CaseTriaged.Flag spaced = only("I think about s.u.i.c.i.d.e every day", "en");
		assertThat(spaced.matchedText()).isEqualTo("think about s.u.i.c.i.d.e");
		assertThat(only("ho pensieri suicdi", "it").ruleId()).endsWith("~variant");
		// a plain match is not reported twice as a variant
		assertThat(only("I want to kill myself", "en").ruleId()).doesNotEndWith("~variant");
	}

	@Test
	void squeezingNeverTurnsOrdinaryWordsIntoCrisisWords() {
		assertThat(DETECTOR.detect("I am proud of myself and I look after myself.", "t", "en").findings()).isEmpty();
		assertThat(DETECTOR.detect("We walked 12 kms along the coast.", "t", "en").findings()).isEmpty();
	}

	@Test
	void negationInsideAGappedPhraseNegatesIt() {
		CaseTriaged.Flag flag = only("Ich werde mich nicht umbringen.", "de");
		assertThat(flag.negated()).isTrue();
		assertThat(only("Ich werde mich am Wochenende umbringen.", "de").negated()).isFalse();
	}

	@Test
	void routingTopicsLeaveOutNegatedAndThirdPartyMentions() {
		assertThat(DETECTOR.detect("I drink too much on weekends.", "t", "en").topics()).contains("substance");
		assertThat(DETECTOR.detect("I don't drink alcohol.", "t", "en").topics()).doesNotContain("substance");
		assertThat(DETECTOR.detect("My father drinks too much.", "t", "en").topics()).doesNotContain("substance");
	}

	@Test
	void routingTopicsAreReadAsWrittenNotThroughDisguisedSpellings() {
		// a reference number once read as "dose" and sent a case to psychiatry
		assertThat(DETECTOR.detect("Case e295ba56d053, as agreed.", "t", "en").topics()).isEmpty();
		assertThat(DETECTOR.detect("My d0sag3 was changed last week.", "t", "en").topics()).isEmpty();
		assertThat(DETECTOR.detect("My dosage was changed last week.", "t", "en").topics()).contains("medication");
		// crisis words are still read through the disguise
		assertThat(only("honestly i want to k1ll mys3lf", "en").ruleId()).endsWith("~variant");
	}

	@Test
	void aFrameFlagNamesTheFrameAndEverySlotFillerWithItsOffsets() {
		String text = "Some nights I think about stepping off the old railway bridge.";
		List<CrisisFinding> findings = DETECTOR.detect(text, "answers.concerns", "en").findings();
		CrisisFinding frame = findings.stream().filter(f -> f.flag().ruleId().startsWith("frame.act-place@en")).findFirst().orElseThrow();
		assertThat(frame.flag().category()).isEqualTo(CrisisCategory.SUICIDE_MEANS);
		assertThat(frame.counts()).isTrue();
		assertThat(frame.evidence()).extracting(SlotFiller::slot).containsExactly("FALL", "PLACE");
		for (SlotFiller filler : frame.evidence()) {
			assertThat(text.substring(filler.start(), filler.end())).isEqualTo(filler.text());
			assertThat(frame.flag().ruleId()).contains(filler.slot() + "='" + filler.text() + "'@" + filler.start() + "-" + filler.end());
		}
		assertThat(frame.evidence()).extracting(SlotFiller::text).containsExactly("stepping off", "bridge");
	}

	@Test
	void morphologyAndSkippedWordsFindPhrasesNotWrittenAsListed() {
		// "take all my pills" is listed; "taking all of my pills" is found by stem with "of" skipped
		CaseTriaged.Flag flag = only("Yesterday I kept thinking about taking all of my pills.", "en");
		assertThat(flag.category()).isEqualTo(CrisisCategory.SUICIDE_MEANS);
		assertThat(flag.ruleId()).endsWith("~flex");
		// contractions are spelled out: "won't" is "will not", and the negation still negates
		List<CrisisFinding> wont = DETECTOR.detect("I won't ever kill myself.", "t", "en").findings();
		assertThat(wont).isNotEmpty().allMatch(f -> f.flag().negated() && !f.counts());
		// a stem loses the person ending: "quiere" (she wants) found through "quiero" is left to the context
		assertThat(only("Mi mejor amiga dice que quiere morir.", "es").otherExperiencer()).isTrue();
		// a verb after a Romance object pronoun keeps its person: "me mata" is not "me mato"
		assertThat(DETECTOR.detect("Este calor me mata.", "t", "es").findings()).isEmpty();
	}

	@Test
	void theSomeoneElseFrameReadsAnyOwnerAndPersonInEveryLanguage() {
		assertThat(only("My older brother keeps saying he wants to die.", "en").otherExperiencer()).isTrue();
		assertThat(only("Mi mejor amiga dice que quiere morir.", "es").otherExperiencer()).isTrue();
		// the person owns something: the patient is still the subject
		List<CrisisFinding> own = DETECTOR.detect("I have been hiding my mum's sleeping tablets for weeks.", "t", "en").findings();
		assertThat(own).anyMatch(f -> f.flag().category() == CrisisCategory.SUICIDE_PREPARATION && f.counts());
	}

	@Test
	void aMalformedFramesFileFailsTheLoadNamingTheFileAndSlot() {
		ClassLoader loader = getClass().getClassLoader();
		Lexicon lexicon = Lexicon.load(loader, "broken-frames/");
		assertThatIllegalStateException().isThrownBy(() -> Frames.load(loader, "broken-frames/", lexicon))
			.withMessageContaining("frames.yaml").withMessageContaining("act-nowhere").withMessageContaining("NOWHERE");
	}

	@Test
	void aMalformedLexiconFailsTheLoadNamingTheFileAndEntry() {
		ClassLoader loader = getClass().getClassLoader();
		assertThatIllegalStateException().isThrownBy(() -> Lexicon.load(loader, "broken-lexicon/"))
			.withMessageContaining("lexicon-en.yaml").withMessageContaining("en.bad.no-severity");
	}

}
