package org.openintake.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realistic mix the load generator draws from: about 5% crisis, every track, all five
 * languages, half of the patients consenting to be contacted (each of those gets an
 * acknowledgement email too). Seeded, so every run sends the same sequence. Bodies are serialised
 * once per template, so the generator spends its CPU on sending, not on JSON.
 */
final class CaseMix {

	static final double CRISIS_SHARE = 0.05;

	/** Routine tracks by weight (percent of routine cases): most referrals are CBT and MBSR. */
	static final Map<Track, Integer> TRACK_WEIGHTS = weights();

	private final Random random;

	private final List<PlannedCase> crisis = new ArrayList<>();

	private final Map<Track, List<PlannedCase>> routine = new EnumMap<>(Track.class);

	CaseMix(long seed) {
		this.random = new Random(seed);
		JsonMapper json = JsonMapper.builder().build();
		for (String locale : IntakeTemplates.LOCALES) {
			// PHQ-9 of 22 also makes PSYCHIATRY the suggested track once on-call has assessed the crisis
			crisis.add(planned(json, IntakeTemplates.crisis(locale), true, Track.PSYCHIATRY));
			for (Track track : Track.values()) {
				for (boolean contact : new boolean[] { true, false }) {
					routine.computeIfAbsent(track, t -> new ArrayList<>())
						.add(planned(json, IntakeTemplates.routine(track, locale, contact), false, track));
				}
			}
		}
	}

	/** The next case of the mix. */
	synchronized PlannedCase next() {
		return random.nextDouble() < CRISIS_SHARE ? nextCrisis() : nextRoutine();
	}

	synchronized PlannedCase nextCrisis() {
		return crisis.get(random.nextInt(crisis.size()));
	}

	synchronized PlannedCase nextRoutine() {
		int pick = random.nextInt(100);
		for (Map.Entry<Track, Integer> weight : TRACK_WEIGHTS.entrySet()) {
			pick -= weight.getValue();
			if (pick < 0) {
				List<PlannedCase> forms = routine.get(weight.getKey());
				return forms.get(random.nextInt(forms.size()));
			}
		}
		throw new IllegalStateException("track weights do not add up to 100");
	}

	/** Every template: five crisis forms and every routine track in every language. */
	List<PlannedCase> templates() {
		List<PlannedCase> all = new ArrayList<>(crisis);
		routine.values().forEach(all::addAll);
		return all;
	}

	private static PlannedCase planned(JsonMapper json, IntakeForm form, boolean crisis, Track track) {
		return new PlannedCase(form, crisis, track, json.writeValueAsBytes(form));
	}

	private static Map<Track, Integer> weights() {
		Map<Track, Integer> weights = new EnumMap<>(Track.class);
		weights.put(Track.CBT, 28);
		weights.put(Track.MBSR, 20);
		weights.put(Track.ADDICTION, 12);
		weights.put(Track.GENERAL_ASSESSMENT, 12);
		weights.put(Track.TMS, 10);
		weights.put(Track.PSYCHIATRY, 10);
		weights.put(Track.NEUROFEEDBACK, 8);
		return weights;
	}

}
