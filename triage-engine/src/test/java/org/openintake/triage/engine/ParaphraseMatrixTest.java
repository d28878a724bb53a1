package org.openintake.triage.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openintake.events.CrisisCategory.DANGER_FROM_OTHERS;
import static org.openintake.events.CrisisCategory.HARM_TO_OTHERS;
import static org.openintake.events.CrisisCategory.RECENT_ATTEMPT;
import static org.openintake.events.CrisisCategory.SELF_HARM;
import static org.openintake.events.CrisisCategory.SUICIDAL_IDEATION_ACTIVE;
import static org.openintake.events.CrisisCategory.SUICIDAL_IDEATION_PASSIVE;
import static org.openintake.events.CrisisCategory.SUICIDE_INTENT;
import static org.openintake.events.CrisisCategory.SUICIDE_MEANS;
import static org.openintake.events.CrisisCategory.SUICIDE_PLAN;
import static org.openintake.events.CrisisCategory.SUICIDE_PREPARATION;
import static org.openintake.events.CrisisCategory.COMMAND_HALLUCINATIONS;

/**
 * Development data for the word-level matching (morphology, flexible phrases, frames): per
 * language, every frame across inflections, synonyms and word orders, generated from small tables,
 * must make a crisis with a current flag of the frame's category; hard negatives that share their
 * words (pills for treatment, a bridge on the way to work, a knife for cooking, a rope for
 * climbing, a jump in sport, an overdose of coffee, killing time, a phone battery that died) must
 * not. The engine may be tuned on this set; the held-out set is written and run by someone else.
 */
class ParaphraseMatrixTest {

	static final TriageEngine ENGINE = TriageEngine.loadDefault();

	record Case(String language, CrisisCategory category, String text) {
	}

	/** Every combination of the tables' words in the template ({0}, {1}, ...). */
	static List<String> expand(String template, String[]... tables) {
		List<String> out = new ArrayList<>(List.of(template));
		for (int t = 0; t < tables.length; t++) {
			List<String> next = new ArrayList<>();
			for (String s : out) {
				for (String w : tables[t]) {
					next.add(s.replace("{" + t + "}", w));
				}
			}
			out = next;
		}
		return out;
	}

	static final List<Case> CRISIS = new ArrayList<>();

	static final List<Case> NEGATIVE = new ArrayList<>();

	static void crisis(String language, CrisisCategory category, String template, String[]... tables) {
		expand(template, tables).forEach(t -> CRISIS.add(new Case(language, category, t)));
	}

	static void negative(String language, String... texts) {
		for (String t : texts) {
			NEGATIVE.add(new Case(language, null, t));
		}
	}

	static String[] w(String... words) {
		return words;
	}

	static {
		english();
		spanish();
		german();
		french();
		italian();
		indirectAndOthers();
	}

	/**
	 * The frames of issue 12's second slice (indirect wording, danger and harm to others), across
	 * languages and inflections, with hard negatives that share their words. Written with the frames,
	 * so they guard against regressions; dev batches 3-6 measured what they find on first sight.
	 */
	static void indirectAndOthers() {
		crisis("en", SUICIDAL_IDEATION_PASSIVE, "{0} would be {1} {2}.", w("Everyone", "My family", "The kids"),
				w("better off", "happier", "relieved"), w("without me", "if I wasn't around", "if I were gone"));
		crisis("en", SUICIDE_INTENT, "I {0} be {1} for much longer.", w("won't", "will not", "am not going to"), w("around", "here"));
		crisis("en", SUICIDE_PREPARATION, "I've been {0} {1} away.", w("giving", "handing"), w("my things", "all my stuff", "my belongings"));
		crisis("en", DANGER_FROM_OTHERS, "{0} {1}.", w("My boyfriend", "My husband", "My ex"),
				w("won't let me leave the house", "takes my phone and my money", "keeps following me home", "locks me in the flat"));
		crisis("en", HARM_TO_OTHERS, "I keep having thoughts of {0} {1}.", w("hurting", "strangling", "stabbing"),
				w("my little boy", "my flatmate", "my manager", "a stranger"));
		crisis("en", SUICIDAL_IDEATION_PASSIVE, "{0} the point of {1} anymore?", w("What's", "Honestly what is"), w("being here", "living", "going on"));
		negative("en", "My boss keeps threatening to fire me if I'm late.", "I gave my old clothes away to charity.",
				"I bought a knife for my dad's birthday.", "My husband would never hit me.", "Nobody has ever threatened me.");
		crisis("es", SUICIDAL_IDEATION_PASSIVE, "{0} {1} sin mí.", w("Todos estarían mejor", "Mi familia viviría mejor", "Mis hijos estarían mejor"), w("", "de verdad"));
		crisis("es", DANGER_FROM_OTHERS, "{0} {1}.", w("Mi marido", "Mi novio", "Mi ex"),
				w("no me deja salir de casa", "me quita el móvil", "me persigue", "me encierra en casa"));
		crisis("es", DANGER_FROM_OTHERS, "{0}.", w("Anoche me pegó", "Me agarró del cuello", "Me estranguló", "Me empujó por las escaleras"));
		crisis("es", SUICIDE_PREPARATION, "He {0} mis cosas.", w("regalado", "ido regalando", "repartido"));
		negative("es", "Mi jefe me amenaza con despedirme.", "Regalé mi ropa vieja porque me mudo.", "Mi marido nunca me ha pegado.");
		crisis("de", SUICIDAL_IDEATION_PASSIVE, "Alle wären {0} {1}.", w("besser dran", "erleichtert"), w("ohne mich", "wenn es mich nicht mehr gäbe"));
		crisis("de", DANGER_FROM_OTHERS, "{0} {1}.", w("Mein Mann", "Mein Freund", "Mein Ex"),
				w("sperrt mich ein", "nimmt mir das Handy weg", "verfolgt mich", "kontrolliert mein Handy"));
		crisis("de", SUICIDE_PREPARATION, "Ich habe angefangen, {0} zu verschenken.", w("meine Sachen", "mein Zeug", "meine Habseligkeiten"));
		negative("de", "Mein Chef droht mir mit der Kündigung.", "Ich habe meine alten Kleider verschenkt.", "Mein Mann hat mich nie geschlagen.");
		crisis("fr", SUICIDAL_IDEATION_PASSIVE, "Tout le monde serait {0} sans moi.", w("mieux", "plus heureux"));
		crisis("fr", DANGER_FROM_OTHERS, "{0} {1}.", w("Mon mari", "Mon copain", "Mon ex"),
				w("m'enferme dans l'appartement", "me prend mon téléphone", "me suit jusqu'à chez moi", "me menace"));
		crisis("fr", SUICIDE_PREPARATION, "J'ai commencé à donner {0}.", w("mes affaires", "mes biens"));
		negative("fr", "Mon patron menace de me virer.", "J'ai donné mes vieux vêtements.", "Mon mari ne m'a jamais frappée.");
		crisis("it", SUICIDAL_IDEATION_PASSIVE, "{0} meglio senza di me.", w("Starebbero tutti", "La mia famiglia starebbe"));
		crisis("it", DANGER_FROM_OTHERS, "{0} {1}.", w("Mio marito", "Il mio ragazzo", "Il mio ex"),
				w("mi chiude in casa", "mi prende il telefono", "mi segue fino a casa", "mi minaccia"));
		crisis("it", DANGER_FROM_OTHERS, "{0}.", w("Ieri mi ha picchiata", "Mi picchia quando beve", "Mi ha stretto il collo"));
		crisis("it", SUICIDE_PREPARATION, "Ho cominciato a regalare {0}.", w("le mie cose", "la mia roba"));
		negative("it", "Il mio capo minaccia di licenziarmi.", "Ho regalato i miei vestiti vecchi.", "Mio marito non mi ha mai picchiata.");
	}

	static void english() {
		String en = "en";
		crisis(en, SUICIDE_MEANS, "{0} {1} {2}.", w("I want to", "I keep thinking I should", "Sometimes I just want to", "I'd rather"),
				w("jump off", "step off", "throw myself off", "leap from"),
				w("the bridge", "a bridge", "the old railway bridge", "our balcony", "the roof", "the ledge at work", "the cliffs"));
		crisis(en, SUICIDE_MEANS, "I keep {0} {1}.", w("thinking about jumping off", "imagining jumping from", "picturing myself stepping off"),
				w("the bridge", "a tall building", "the balcony"));
		crisis(en, SUICIDE_MEANS, "{0} {1} {2}.", w("I could", "I want to", "I'm thinking of ways to"),
				w("hang", "poison", "drown", "shoot"), w("myself", "my own self"));
		crisis(en, SUICIDAL_IDEATION_ACTIVE, "{0} {1} {2}.", w("I want to", "I keep wanting to", "I'd like to", "I really want to"),
				w("kill", "murder", "off"), w("myself", "my own self"));
		crisis(en, SUICIDE_INTENT, "{0} {1} myself {2}.", w("I'm going to", "I will", "I've decided to", "I'm about to"),
				w("kill", "off"), w("", "soon", "this week"));
		crisis(en, SUICIDAL_IDEATION_ACTIVE, "{0} {1}.", w("I want to end", "I keep thinking about ending", "I've thought about taking"),
				w("my life", "my own life", "my whole life"));
		crisis(en, SUICIDAL_IDEATION_PASSIVE, "{0} {1}.", w("I just want to", "Honestly I wish I could", "I would rather", "I hope I"),
				w("die", "be dead", "die in my sleep"));
		crisis(en, SUICIDE_PREPARATION, "{0} {1} {2}.", w("I've been", "I started", "For weeks I've been"),
				w("saving up", "stockpiling", "hoarding", "hiding"),
				w("my sleeping pills", "paracetamol", "the tablets", "my sertraline", "all my meds"));
		crisis(en, SUICIDE_PREPARATION, "{0} {1} {2}.", w("The", "My"), w("rope", "pills", "gun"), w("is ready", "are ready now", "is ready in the garage"));
		crisis(en, SUICIDE_PREPARATION, "I {0} {1} {2}.", w("just bought", "ordered", "got hold of", "bought"),
				w("a gun", "a rope", "charcoal", "a pistol", "helium"), w("yesterday", "online", "last week"));
		crisis(en, SUICIDE_PLAN, "{0} {1} {2}.", w("I looked up", "I googled", "I keep wondering"),
				w("how many paracetamol would it take", "how many sleeping pills it would take", "the lethal dose of my tablets",
						"how much insulin would kill"),
				w("", "to not wake up", "last night"));
		crisis(en, SUICIDE_PLAN, "I've {0} {1}.", w("set a date", "picked a date", "chosen the day"), w("to die", "to end it", "to end it all"));
		crisis(en, SUICIDE_INTENT, "{0} I'm going to {1}.", w("Tonight", "Tomorrow", "This weekend", "On Friday"),
				w("end it", "end it all", "go through with it", "end everything"));
		crisis(en, SELF_HARM, "I {0} {1} {2}.", w("have been", "keep", "started"),
				w("cutting", "burning", "scratching"), w("my arms", "my wrists", "my thighs again", "myself"));
		crisis(en, SELF_HARM, "Last night I {0} {1}.", w("cut", "burned", "hit"), w("myself", "my arm", "my legs"));
		crisis(en, HARM_TO_OTHERS, "I {0} {1} {2}.", w("want to", "keep having thoughts of", "am afraid I might", "am going to"),
				w("hurt", "kill", "stab", "strangle"), w("my boss", "my husband", "the baby", "someone at work", "my neighbour"));
		crisis(en, DANGER_FROM_OTHERS, "{0} {1} me {2}.", w("My husband", "He", "My stepfather", "My partner"),
				w("hits", "beats", "chokes", "threatened to kill"), w("", "when he drinks", "every week"));
		crisis(en, RECENT_ATTEMPT, "{0} {1} {2} last month.", w("I tried to", "I attempted to"), w("kill", "hang", "poison"), w("myself"));
		crisis(en, COMMAND_HALLUCINATIONS, "The {0} {1} hurt myself.", w("voices", "voice"), w("keep telling me to", "tell me to", "are ordering me to"));
		crisis(en, RECENT_ATTEMPT, "{0} I {1} a {2} of {3}.", w("Last week", "On Sunday"), w("swallowed", "took", "downed"),
				w("whole bottle", "whole packet", "whole box"), w("paracetamol", "my sleeping pills", "painkillers"));
		crisis(en, SUICIDAL_IDEATION_PASSIVE, "I {0} if a {1} {2}.", w("wouldn't mind", "wouldn't care", "would be relieved"),
				w("bus", "car", "lorry"), w("hit me", "ran me over"));
		crisis(en, DANGER_FROM_OTHERS, "{0} said {1} {2} if I leave.", w("My husband", "My dad", "My ex"), w("he'd", "he would", "he will"),
				w("break my neck", "slit my throat"));
		crisis(en, SUICIDE_INTENT, "{0} I'm {1} {2}.", w("This weekend", "Tomorrow", "On my birthday"), w("ending", "going to end", "taking"),
				w("my life", "my own life"));

		negative(en, "I take my pills every morning for my blood pressure.", "The doctor increased my sertraline to 100 mg.",
				"I bought paracetamol for my headache.", "I cross the bridge on my way to work every day.",
				"We fixed the roof last summer.", "I sat on the balcony and read a book.", "I cut the onions with a new knife.",
				"I bought a rope for climbing.", "We bought charcoal for the barbecue.", "I love to jump off the diving board at the pool.",
				"My son jumped off the trampoline and hurt his knee.", "I had an overdose of coffee today, so jittery.",
				"I kill time by reading on the train.", "My phone battery died on the way home.", "I jumped on the train just in time.",
				"The pharmacy said my pills are ready for pickup.", "I cut my hair short last week.", "I burned my hand on the oven.",
				"I'm saving up for a holiday in Spain.", "I want to take my life back and feel like myself again.",
				"I'd like to kill two birds with one stone.", "I want to hang out with my friends more.",
				"He hit the ball over the fence.", "My grandmother died last year and I miss her.",
				"I set a date for the wedding.", "Tomorrow I'm going to end my contract with the gym.",
				"I took my pills this morning as usual.", "He helped me break the news to my parents.",
				"I jumped off the bus and ran to work.", "I bought a new knife set for the kitchen.",
				"My mum will kill me when she sees this haircut.", "I wouldn't mind if it rained tomorrow.",
				"The voices in the choir were beautiful.", "I want to know how many tablets I should take for the pain.");
	}

	static void spanish() {
		String es = "es";
		crisis(es, SUICIDE_MEANS, "{0} {1} {2}.", w("Quiero", "A veces pienso en", "Me gustaría"),
				w("tirarme", "saltar", "lanzarme", "arrojarme"), w("del puente", "desde el balcón", "por la ventana", "de la azotea"));
		crisis(es, SUICIDE_MEANS, "Me voy a {0} {1}.", w("tirar", "lanzar"), w("del puente", "a las vías", "desde el tejado"));
		crisis(es, SUICIDAL_IDEATION_ACTIVE, "{0} {1}.", w("Quiero", "Tengo ganas de", "Pienso en"), w("matarme", "suicidarme"));
		crisis(es, SUICIDE_INTENT, "{0}.", w("Me voy a matar", "Voy a matarme", "He decidido matarme", "Me voy a suicidar"));
		crisis(es, SUICIDE_MEANS, "{0} {1}.", w("Quiero", "Pienso en"), w("ahorcarme", "colgarme", "envenenarme", "pegarme un tiro"));
		crisis(es, SUICIDAL_IDEATION_PASSIVE, "{0} {1}.", w("Solo quiero", "Ojalá pudiera", "Preferiría", "Quisiera"), w("morir", "morirme", "estar muerto", "estar muerta"));
		crisis(es, SUICIDE_PREPARATION, "{0} {1}.", w("Llevo semanas juntando", "He estado acumulando", "Estoy guardando", "Escondo"),
				w("pastillas", "mis somníferos", "paracetamol", "los comprimidos"));
		crisis(es, SUICIDE_PREPARATION, "{0} {1}.", w("Ayer compré", "He conseguido", "Compré"), w("una pistola", "una cuerda", "carbón"));
		crisis(es, SUICIDE_PLAN, "{0} {1}.", w("Busqué", "Me pregunto"), w("cuántas pastillas de paracetamol harían falta", "la dosis letal de mis pastillas"));
		crisis(es, SUICIDE_INTENT, "{0} voy a {1}.", w("Esta noche", "Mañana", "El viernes"), w("acabar con todo", "terminar con todo"));
		crisis(es, SELF_HARM, "{0} {1}.", w("Me corto", "Me quemo", "Me he cortado", "Me corté"), w("los brazos", "las muñecas", "las piernas otra vez"));
		crisis(es, HARM_TO_OTHERS, "{0} {1} {2}.", w("Quiero", "Tengo ganas de", "Voy a"), w("matar", "hacer daño a", "apuñalar"),
				w("a mi jefe", "a mi marido", "al bebé", "a alguien"));
		crisis(es, DANGER_FROM_OTHERS, "{0} me {1}.", w("Mi marido", "Mi pareja", "Mi padrastro"), w("pega", "golpea", "amenaza con matarme"));
		crisis(es, RECENT_ATTEMPT, "{0} {1} el mes pasado.", w("Intenté", "Traté de"), w("matarme", "suicidarme", "ahorcarme"));
		crisis(es, RECENT_ATTEMPT, "{0} me {1} {2} de {3}.", w("Ayer", "El domingo"), w("tomé", "tragué"),
				w("una caja entera", "un bote entero"), w("pastillas", "paracetamol", "somníferos"));
		crisis(es, SUICIDAL_IDEATION_PASSIVE, "{0} que un {1} me {2}.", w("No me importaría", "Me daría igual"), w("coche", "autobús"),
				w("atropellara", "atropellase"));
		crisis(es, DANGER_FROM_OTHERS, "{0} dice que me {1} si hablo.", w("Mi marido", "Mi padrastro"), w("rompería el cuello", "mataría"));
		crisis(es, SUICIDE_PREPARATION, "{0} {1} {2}.", w("La cuerda", "La pistola", "El carbón"), w("ya está", "está"), w("lista", "preparada", "lista en el maletero"));
		crisis(es, SUICIDE_PLAN, "{0} {1}.", w("Ya he puesto fecha", "Elegí el día"), w("para morir", "para acabar con todo"));
		crisis(es, SUICIDE_INTENT, "{0} me {1} la vida.", w("Este sábado", "Mañana", "Esta noche"), w("quito", "quitaré"));
		crisis(es, SELF_HARM, "{0} {1}.", w("Me quemo", "Me golpeo", "Me corto"), w("los brazos", "las piernas", "la piel"));
		crisis(es, COMMAND_HALLUCINATIONS, "{0} {1} que me haga daño.", w("Las voces", "Una voz"), w("me dicen", "me piden", "me ordenan"));

		negative(es, "Tomo mis pastillas cada mañana para la tensión.", "Compré paracetamol para el dolor de cabeza.",
				"Cruzo el puente cada día para ir al trabajo.", "Arreglamos el tejado el verano pasado.",
				"Corté la cebolla con un cuchillo nuevo.", "Compré una cuerda para escalar.", "Compramos carbón para la barbacoa.",
				"Me encanta saltar del trampolín en la piscina.", "Tomé una sobredosis de café hoy.", "Leo para matar el tiempo.",
				"Se me murió la batería del móvil.", "Me corté el pelo la semana pasada.", "Me quemé la mano con el horno.",
				"La ansiedad me ahoga por las noches.", "Mi prima intentó aprobar el examen.", "Mi abuela murió el año pasado.",
				"Esta noche voy a hacer la cena.", "La farmacia dice que mis pastillas están listas.",
				"Mi jefe me mata con tanto trabajo.", "Compré un cuchillo nuevo para la cocina.");
	}

	static void german() {
		String de = "de";
		crisis(de, SUICIDE_MEANS, "{0} {1} {2}.", w("Ich will", "Ich möchte", "Manchmal will ich einfach"),
				w("von der Brücke", "vom Dach", "vom Balkon", "aus dem Fenster"), w("springen", "stürzen"));
		crisis(de, SUICIDE_MEANS, "Ich denke daran, {0} zu springen.", w("von der Brücke", "vom Hochhaus", "vor den Zug"));
		crisis(de, SUICIDE_MEANS, "Ich will mich {0}.", w("erhängen", "vergiften", "aufhängen", "erschießen"));
		crisis(de, SUICIDAL_IDEATION_ACTIVE, "{0}.", w("Ich will mich umbringen", "Ich möchte mich töten", "Ich denke daran, mich umzubringen",
				"Ich will mich einfach nur umbringen"));
		crisis(de, SUICIDE_INTENT, "{0}.", w("Ich werde mich umbringen", "Ich werde mich heute töten", "Ich habe beschlossen, mich umzubringen"));
		crisis(de, SUICIDAL_IDEATION_PASSIVE, "{0}.", w("Ich will sterben", "Ich möchte einfach nur sterben", "Ich wäre lieber tot", "Ich will tot sein"));
		crisis(de, SUICIDE_PREPARATION, "{0} {1}.", w("Ich sammle seit Wochen", "Ich horte", "Ich verstecke"),
				w("Tabletten", "Schlaftabletten", "meine Medikamente", "Paracetamol"));
		crisis(de, SUICIDE_PREPARATION, "Ich habe {0} {1}.", w("Tabletten", "Schlaftabletten", "meine Medikamente"),
				w("gesammelt", "gehortet", "versteckt", "bereitgelegt"));
		crisis(de, SUICIDE_PREPARATION, "{0} {1}.", w("Ich habe mir", "Gestern habe ich"), w("ein Seil gekauft", "eine Pistole besorgt", "Holzkohle gekauft"));
		crisis(de, SUICIDE_PLAN, "Ich habe {0}.", w("nachgeschaut, wie viele Tabletten man braucht", "die tödliche Dosis Paracetamol gesucht",
				"gegoogelt, wie viele Schlaftabletten man braucht"));
		crisis(de, SUICIDE_INTENT, "{0} werde ich {1}.", w("Heute Nacht", "Morgen", "Am Wochenende"), w("Schluss machen", "alles beenden"));
		crisis(de, SELF_HARM, "{0}.", w("Ich ritze mich", "Ich schneide mir die Arme auf", "Ich habe mich wieder geritzt", "Ich verbrenne meine Haut"));
		crisis(de, HARM_TO_OTHERS, "Ich {0} {1} {2}.", w("will", "möchte", "werde"), w("meinen Chef", "meinen Mann", "jemanden", "das Baby"),
				w("umbringen", "verletzen", "töten"));
		crisis(de, DANGER_FROM_OTHERS, "{0} {1} mich.", w("Mein Mann", "Mein Partner", "Mein Stiefvater"), w("schlägt", "bedroht", "würgt"));
		crisis(de, RECENT_ATTEMPT, "{0}.", w("Ich habe letzten Monat versucht, mich umzubringen", "Ich habe versucht, mich zu töten",
				"Ich habe versucht, mich zu erhängen"));
		crisis(de, RECENT_ATTEMPT, "{0} habe ich {1} {2} {3}.", w("Gestern", "Am Sonntag"), w("eine ganze Packung", "eine ganze Schachtel"),
				w("Tabletten", "Schlaftabletten", "Paracetamol"), w("geschluckt", "genommen"));
		crisis(de, SUICIDAL_IDEATION_PASSIVE, "{0}, wenn mich ein {1} {2}.", w("Es wäre mir egal", "Ich hätte nichts dagegen"), w("Bus", "Auto"),
				w("überfährt", "überfahren würde"));
		crisis(de, DANGER_FROM_OTHERS, "{0} sagt, er {1}, wenn ich gehe.", w("Mein Mann", "Mein Vater"), w("bricht mir das Genick", "bringt mich um"));
		crisis(de, SUICIDE_PREPARATION, "{0} {1} bereit.", w("Das Seil liegt", "Die Pistole liegt", "Die Tabletten liegen"), w("schon", "im Auto"));
		crisis(de, SUICIDE_PLAN, "Ich habe {0} {1}.", w("den Tag ausgesucht", "ein Datum festgelegt"), w("um zu sterben", "an dem ich sterbe"));
		crisis(de, SUICIDE_INTENT, "{0} werde ich {1}.", w("Heute Nacht", "Morgen", "Am Samstag"), w("mein Leben beenden", "mich umbringen", "mich töten"));
		crisis(de, SELF_HARM, "Ich {0} mir {1}.", w("ritze", "verbrenne", "zerkratze"), w("die Arme", "die Beine", "die Haut"));
		crisis(de, COMMAND_HALLUCINATIONS, "{0} {1}, dass ich mich verletzen soll.", w("Die Stimmen", "Eine Stimme"), w("sagen mir", "befehlen mir"));
		crisis(de, SUICIDE_MEANS, "Ich will mich {0}.", w("vergiften", "erhängen", "ertränken"));

		negative(de, "Ich nehme jeden Morgen meine Tabletten gegen Bluthochdruck.", "Ich habe Paracetamol gegen Kopfschmerzen gekauft.",
				"Ich fahre jeden Tag über die Brücke zur Arbeit.", "Wir haben letzten Sommer das Dach repariert.",
				"Ich habe die Zwiebeln mit einem neuen Messer geschnitten.", "Ich habe ein Seil zum Klettern gekauft.",
				"Wir haben Holzkohle zum Grillen gekauft.", "Ich springe gern vom Sprungbrett ins Schwimmbad.",
				"Ich habe heute eine Überdosis Kaffee getrunken.", "Ich lese, um die Zeit totzuschlagen.", "Mein Handy-Akku ist gestorben.",
				"Ich habe mir die Haare geschnitten.", "Ich habe mich am Herd verbrannt.", "Meine Oma ist letztes Jahr gestorben.",
				"Ich habe Kohle für den Urlaub gespart.", "Ich nehme das Leben, wie es kommt.");
	}

	static void french() {
		String fr = "fr";
		crisis(fr, SUICIDE_MEANS, "{0} {1} {2}.", w("Je veux", "J'ai envie de", "Parfois je pense à"),
				w("sauter", "me jeter"), w("du pont", "du toit", "par la fenêtre", "du balcon", "sous un train"));
		crisis(fr, SUICIDE_MEANS, "Je veux me {0}.", w("pendre", "noyer", "tirer une balle"));
		crisis(fr, SUICIDAL_IDEATION_ACTIVE, "{0}.", w("Je veux me tuer", "J'ai envie de me suicider", "Je pense à me tuer", "Je veux vraiment me tuer"));
		crisis(fr, SUICIDE_INTENT, "{0}.", w("Je vais me tuer", "J'ai décidé de me tuer", "Je vais me suicider"));
		crisis(fr, SUICIDAL_IDEATION_PASSIVE, "{0}.", w("Je veux mourir", "Je voudrais mourir", "J'ai envie de mourir", "Je préférerais être mort"));
		crisis(fr, SUICIDE_PREPARATION, "{0} {1}.", w("J'accumule", "Je stocke", "Je cache", "Depuis des semaines j'accumule"),
				w("des médicaments", "mes somnifères", "du paracétamol", "des comprimés"));
		crisis(fr, SUICIDE_PREPARATION, "{0} {1}.", w("J'ai acheté", "Je me suis procuré"), w("une corde", "un pistolet", "du charbon"));
		crisis(fr, SUICIDE_PLAN, "J'ai cherché {0}.", w("combien il faudrait de comprimés de paracétamol", "la dose mortelle de mes médicaments"));
		crisis(fr, SUICIDE_INTENT, "{0} je vais {1}.", w("Ce soir", "Demain", "Ce week-end"), w("en finir", "passer à l'acte"));
		crisis(fr, SELF_HARM, "{0}.", w("Je me coupe les bras", "Je me scarifie", "Je me brûle la peau", "Je me suis coupé les poignets"));
		crisis(fr, HARM_TO_OTHERS, "{0} {1} {2}.", w("Je veux", "J'ai envie de", "Je vais"), w("tuer", "faire du mal à", "poignarder"),
				w("mon patron", "mon mari", "le bébé", "quelqu'un"));
		crisis(fr, DANGER_FROM_OTHERS, "{0} me {1}.", w("Mon mari", "Mon conjoint", "Mon beau-père"), w("frappe", "bat", "menace"));
		crisis(fr, RECENT_ATTEMPT, "{0}.", w("J'ai essayé de me tuer le mois dernier", "J'ai tenté de me suicider", "J'ai essayé de me pendre"));
		crisis(fr, RECENT_ATTEMPT, "{0} j'ai {1} {2} de {3}.", w("Hier", "Dimanche"), w("avalé", "pris"),
				w("une boîte entière", "une plaquette entière"), w("cachets", "somnifères", "paracétamol"));
		crisis(fr, SUICIDAL_IDEATION_PASSIVE, "{0} qu'une {1} me {2}.", w("Ça ne me dérangerait pas", "Ça me serait égal"), w("voiture", "camionnette"),
				w("renverse", "fauche"));
		crisis(fr, DANGER_FROM_OTHERS, "{0} dit qu'il me {1} si je parle.", w("Mon mari", "Mon beau-père"), w("briserait le cou", "tuerait"));
		crisis(fr, SUICIDE_PREPARATION, "{0} {1}.", w("La corde est", "Le pistolet est", "Les cachets sont"), w("prête", "prêts", "déjà prête dans le garage"));
		crisis(fr, SUICIDE_PLAN, "J'ai {0} {1}.", w("choisi la date", "fixé une date", "choisi le jour"), w("pour mourir", "pour en finir"));
		crisis(fr, SUICIDE_INTENT, "{0} je {1} fin à mes jours.", w("Samedi", "Demain", "Ce soir"), w("mets", "vais mettre"));
		crisis(fr, SELF_HARM, "Je me {0} {1}.", w("coupe", "brûle", "griffe"), w("les bras", "les jambes", "la peau"));
		crisis(fr, COMMAND_HALLUCINATIONS, "{0} {1} me faire du mal.", w("Les voix", "Une voix"), w("me disent de", "me demandent de", "m'ordonnent de"));
		crisis(fr, SUICIDAL_IDEATION_PASSIVE, "{0} {1}.", w("Je voudrais", "J'aimerais", "Je veux juste"), w("mourir", "être morte", "crever"));

		negative(fr, "Je prends mes médicaments chaque matin pour la tension.", "J'ai acheté du paracétamol pour mon mal de tête.",
				"Je traverse le pont tous les jours pour aller au travail.", "On a réparé le toit l'été dernier.",
				"J'ai coupé les oignons avec un nouveau couteau.", "J'ai acheté une corde pour l'escalade.",
				"On a acheté du charbon pour le barbecue.", "J'adore sauter du plongeoir à la piscine.",
				"J'ai pris une overdose de café aujourd'hui.", "Je lis pour tuer le temps.", "La batterie de mon téléphone est morte.",
				"Je me suis coupé les cheveux.", "Je me suis brûlé la main avec le four.", "Ma grand-mère est morte l'année dernière.",
				"L'angoisse m'étouffe le soir.", "Ce soir je vais le faire, le gâteau au chocolat.");
	}

	static void italian() {
		String it = "it";
		crisis(it, SUICIDE_MEANS, "{0} {1} {2}.", w("Voglio", "Vorrei", "A volte penso di"),
				w("buttarmi", "lanciarmi", "gettarmi"), w("dal ponte", "dal tetto", "dalla finestra", "dal balcone", "sotto un treno"));
		crisis(it, SUICIDE_MEANS, "Voglio {0}.", w("impiccarmi", "avvelenarmi", "spararmi"));
		crisis(it, SUICIDAL_IDEATION_ACTIVE, "{0}.", w("Voglio ammazzarmi", "Voglio uccidermi", "Penso di uccidermi", "Mi voglio ammazzare"));
		crisis(it, SUICIDE_INTENT, "{0}.", w("Sto per uccidermi", "Ho deciso di ammazzarmi", "Ho deciso di uccidermi"));
		crisis(it, SUICIDAL_IDEATION_PASSIVE, "{0}.", w("Voglio morire", "Vorrei morire", "Preferirei essere morto", "Voglio solo morire"));
		crisis(it, SUICIDE_PREPARATION, "{0} {1}.", w("Sto accumulando", "Da settimane metto da parte", "Nascondo"),
				w("pastiglie", "i miei sonniferi", "la tachipirina", "farmaci"));
		crisis(it, SUICIDE_PREPARATION, "{0} {1}.", w("Ho comprato", "Mi sono procurato"), w("una corda", "una pistola", "del carbone"));
		crisis(it, SUICIDE_PLAN, "Ho cercato {0}.", w("quante pastiglie di paracetamolo servirebbero", "la dose letale dei miei farmaci"));
		crisis(it, SUICIDE_INTENT, "{0} {1}.", w("Stanotte", "Domani", "Questo fine settimana"), w("la faccio finita", "farla finita"));
		crisis(it, SELF_HARM, "{0}.", w("Mi taglio le braccia", "Mi brucio la pelle", "Mi sono tagliata i polsi", "Mi taglio di nuovo"));
		crisis(it, HARM_TO_OTHERS, "{0} {1} {2}.", w("Voglio", "Ho voglia di", "Vado a"), w("uccidere", "fare del male a", "accoltellare"),
				w("il mio capo", "mio marito", "il bambino", "qualcuno"));
		crisis(it, DANGER_FROM_OTHERS, "{0} mi {1}.", w("Mio marito", "Il mio compagno", "Il mio patrigno"), w("picchia", "minaccia", "strangola"));
		crisis(it, RECENT_ATTEMPT, "{0}.", w("Ho provato a uccidermi il mese scorso", "Ho tentato di ammazzarmi", "Ho provato a impiccarmi"));
		crisis(it, RECENT_ATTEMPT, "{0} ho {1} {2} di {3}.", w("Ieri", "Domenica"), w("ingoiato", "preso"),
				w("una scatola intera", "una confezione intera"), w("pastiglie", "sonniferi", "tachipirina"));
		crisis(it, SUICIDAL_IDEATION_PASSIVE, "{0} se una {1} mi {2}.", w("Non mi dispiacerebbe", "Non mi importerebbe"), w("macchina", "moto"),
				w("investisse", "uccidesse"));
		crisis(it, DANGER_FROM_OTHERS, "{0} dice che mi {1} se parlo.", w("Mio marito", "Il mio patrigno"), w("spezzerà il collo", "ucciderà"));
		crisis(it, SUICIDE_PREPARATION, "{0} {1}.", w("La corda è", "La pistola è", "Le pastiglie sono"), w("pronta", "pronte", "già pronta in garage"));
		crisis(it, SUICIDE_PLAN, "Ho {0} {1}.", w("scelto il giorno", "fissato una data", "scelto la data"), w("per morire", "per farla finita"));
		crisis(it, SUICIDE_INTENT, "{0} mi {1} la vita.", w("Sabato", "Domani", "Stanotte"), w("tolgo", "toglierò"));
		crisis(it, SELF_HARM, "Mi {0} {1}.", w("taglio", "brucio", "graffio"), w("le braccia", "le gambe", "la pelle"));
		crisis(it, COMMAND_HALLUCINATIONS, "{0} {1} farmi del male.", w("Le voci", "Una voce"), w("mi dicono di", "mi chiedono di", "mi ordinano di"));
		crisis(it, SUICIDE_MEANS, "Voglio {0} {1}.", w("buttarmi", "lanciarmi"), w("sotto un treno", "dal viadotto", "dalla scogliera"));

		negative(it, "Prendo le mie pastiglie ogni mattina per la pressione.", "Ho comprato la tachipirina per il mal di testa.",
				"Attraverso il ponte ogni giorno per andare al lavoro.", "Abbiamo riparato il tetto l'estate scorsa.",
				"Ho tagliato le cipolle con un coltello nuovo.", "Ho comprato una corda per l'arrampicata.",
				"Abbiamo comprato il carbone per la grigliata.", "Mi piace tuffarmi dal trampolino in piscina.",
				"Oggi ho preso un'overdose di caffè.", "Leggo per ammazzare il tempo.", "La batteria del telefono è morta.",
				"Mi sono tagliata i capelli.", "Mi brucia lo stomaco dopo mangiato.", "Mia nonna è morta l'anno scorso.",
				"L'ansia mi soffoca la sera.", "Mi sono bruciato la mano con il forno.",
				"Il mio capo mi uccide di lavoro.", "Domani vado a prendere le medicine in farmacia.");
	}

	static boolean hit(Assessment a, CrisisCategory category) {
		return a.crisis() && a.flags().stream().anyMatch(f -> f.category() == category && !f.negated() && !f.historical()
				&& !f.otherExperiencer());
	}

	@Test
	void everyFrameIsFoundAcrossInflectionsSynonymsAndWordOrder() {
		Map<String, int[]> perLanguage = new TreeMap<>();
		Map<String, int[]> negatives = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		for (Case c : CRISIS) {
			Assessment a = ENGINE.assessText(c.text(), c.language());
			int[] n = perLanguage.computeIfAbsent(c.language(), k -> new int[2]);
			n[1]++;
			if (hit(a, c.category())) {
				n[0]++;
			}
			else {
				misses.add(c.language() + " " + c.category() + ": " + c.text() + "  -> " + describe(a));
			}
		}
		List<String> alarms = new ArrayList<>();
		for (Case c : NEGATIVE) {
			Assessment a = ENGINE.assessText(c.text(), c.language());
			int[] n = negatives.computeIfAbsent(c.language(), k -> new int[2]);
			n[1]++;
			if (a.crisis()) {
				n[0]++;
				alarms.add(c.language() + ": " + c.text() + "  -> " + describe(a));
			}
		}
		Map<String, String> table = new LinkedHashMap<>();
		perLanguage.forEach((l, n) -> table.put(l, n[0] + "/" + n[1] + " crisis found, " + negatives.get(l)[0] + "/"
				+ negatives.get(l)[1] + " hard negatives raised a crisis"));
		System.out.println("Paraphrase matrix: " + table);
		misses.forEach(m -> System.out.println("  missed " + m));
		alarms.forEach(m -> System.out.println("  false alarm " + m));
		assertThat(misses).as("paraphrases missed").isEmpty();
		assertThat(alarms).as("hard negatives that raised a crisis").isEmpty();
	}

	static String describe(Assessment a) {
		List<String> out = new ArrayList<>();
		for (CaseTriaged.Flag f : a.flags()) {
			out.add(f.category() + (f.negated() ? "/neg" : "") + (f.historical() ? "/hist" : "") + (f.otherExperiencer() ? "/other" : "")
					+ " '" + f.matchedText() + "' " + f.ruleId());
		}
		return a.crisis() + " " + out;
	}

}
