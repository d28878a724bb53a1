package org.openintake.triage.engine.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import org.openintake.triage.engine.Assessment;
import org.openintake.triage.engine.TriageEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole intake (about 2 KB of free text across concerns, history and goals, plus every
 * questionnaire) through {@link TriageEngine#assess}, in each language, on one thread. Sample
 * time mode, so JMH prints the median (p0.50) per intake. Run it with
 * {@code ./mvnw -pl triage-engine -Pbenchmark test-compile exec:exec}; it is not part of verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TriageBenchmark {

	/** Target size of the three free-text answers together, in characters. */
	static final int TEXT_SIZE = 2048;

	static final Map<String, String[]> TEXTS = Map.of(
			"en", new String[] {
					"For the last eight months I have felt low most days. I struggle to get out of bed, I have stopped seeing friends and work feels impossible. Some nights I lie awake and think everyone would be better off without me, although I have no plan and I would not act on it. ",
					"I saw my GP last year and tried two antidepressants; the first made me sick and the second did little. I used to cut myself as a teenager but stopped years ago. My brother had depression too. I drink a glass of wine most evenings to switch off. ",
					"I would like to sleep properly again, get back to running, and feel like myself at work. I have read about TMS and mindfulness and would like to know whether either could help me. " },
			"es", new String[] {
					"Desde hace ocho meses me siento triste casi todos los días. Me cuesta levantarme, ya no veo a mis amigos y el trabajo se me hace imposible. Algunas noches pienso que todos estarían mejor sin mí, aunque no tengo un plan y no lo haría. ",
					"El año pasado fui al médico y probé dos antidepresivos; el primero me sentó mal y el segundo apenas hizo efecto. De adolescente me cortaba, pero lo dejé hace años. Mi hermano también tuvo depresión. Tomo una copa de vino casi todas las noches. ",
					"Me gustaría volver a dormir bien, retomar el deporte y sentirme yo misma en el trabajo. He leído sobre la EMT y el mindfulness y quiero saber si me pueden ayudar. " },
			"de", new String[] {
					"Seit acht Monaten bin ich fast jeden Tag niedergeschlagen. Ich komme kaum aus dem Bett, treffe keine Freunde mehr und die Arbeit fühlt sich unmöglich an. Manche Nächte denke ich, alle wären besser dran ohne mich, aber ich habe keinen Plan und würde es nicht tun. ",
					"Letztes Jahr war ich beim Hausarzt und habe zwei Antidepressiva probiert; das erste vertrug ich nicht, das zweite half kaum. Als Jugendliche habe ich mich geritzt, aber das ist vorbei. Mein Bruder hatte auch Depressionen. Ich trinke abends oft ein Glas Wein. ",
					"Ich möchte wieder gut schlafen, wieder laufen gehen und mich bei der Arbeit wie ich selbst fühlen. Ich habe über TMS und Achtsamkeit gelesen und möchte wissen, ob das helfen kann. " },
			"fr", new String[] {
					"Depuis huit mois, je me sens déprimée presque tous les jours. J'ai du mal à me lever, je ne vois plus mes amis et le travail me semble impossible. Certaines nuits je pense que tout le monde serait mieux sans moi, mais je n'ai pas de plan et je ne le ferais pas. ",
					"L'an dernier j'ai vu mon médecin et essayé deux antidépresseurs ; le premier m'a rendue malade, le second n'a presque rien fait. Adolescente, je me scarifiais, mais j'ai arrêté il y a des années. Mon frère a aussi fait une dépression. Je bois un verre de vin presque tous les soirs. ",
					"J'aimerais retrouver le sommeil, recommencer à courir et me sentir moi-même au travail. J'ai lu des choses sur la rTMS et la pleine conscience et je voudrais savoir si cela peut m'aider. " },
			"it", new String[] {
					"Da otto mesi mi sento giù quasi ogni giorno. Faccio fatica ad alzarmi, non vedo più gli amici e il lavoro mi sembra impossibile. Certe notti penso che tutti starebbero meglio senza di me, ma non ho un piano e non lo farei. ",
					"L'anno scorso sono andata dal medico e ho provato due antidepressivi; il primo mi faceva stare male, il secondo ha fatto poco. Da adolescente mi tagliavo, ma ho smesso anni fa. Anche mio fratello ha avuto la depressione. Bevo un bicchiere di vino quasi ogni sera. ",
					"Vorrei tornare a dormire bene, ricominciare a correre e sentirmi me stessa al lavoro. Ho letto della TMS e della mindfulness e vorrei sapere se possono aiutarmi. " });

	@Param({ "en", "es", "de", "fr", "it" })
	public String language;

	private TriageEngine engine;

	private IntakeForm form;

	@Setup
	public void setUp() {
		this.engine = TriageEngine.loadDefault();
		this.form = intake(this.language);
	}

	@Benchmark
	public Assessment assessIntake() {
		return this.engine.assess(this.form);
	}

	/** An intake in {@code language} whose three answers together fill {@link #TEXT_SIZE} characters. */
	static IntakeForm intake(String language) {
		String[] base = TEXTS.get(language);
		int total = base[0].length() + base[1].length() + base[2].length();
		String[] texts = new String[3];
		for (int i = 0; i < 3; i++) {
			int size = TEXT_SIZE * base[i].length() / total;
			StringBuilder text = new StringBuilder(size);
			while (text.length() < size) {
				text.append(base[i]);
			}
			texts[i] = text.substring(0, size);
		}
		var questionnaires = new IntakeForm.Questionnaires(List.of(2, 2, 1, 2, 1, 1, 1, 0, 1), List.of(1, 2, 1, 1, 0, 1, 1),
				new IntakeForm.Cssrs(true, false, null, null, null, false, null), List.of(2, 1, 0),
				List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0), List.of(0, 1, 0, 0, 1), List.of(1, 2, 1, 2, 1, 1));
		return new IntakeForm(language, "GB",
				new IntakeForm.Patient("Ada", "ada@example.org", "+44 20 7946 0000", LocalDate.of(1990, 1, 31), "female", "phone"),
				new IntakeForm.Consent(true, true), questionnaires, new IntakeForm.Answers(texts[0], texts[1], texts[2]),
				new IntakeForm.Treatment(List.of(Track.TMS, Track.MBSR), 2, List.of("CBT"),
						new IntakeForm.TmsSafety(false, false, false, false)));
	}

}
