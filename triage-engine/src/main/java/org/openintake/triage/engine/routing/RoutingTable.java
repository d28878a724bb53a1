package org.openintake.triage.engine.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.openintake.events.Track;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The routing rules, a versioned YAML table evaluated in order. Every rule whose conditions all
 * hold fires and adds its sentence to the rationale; the first one sets the track, later ones
 * add secondary tracks. A rule with {@code otherwise} fires only when no earlier rule did.
 */
public final class RoutingTable {

	public static final String RESOURCE = "org/openintake/triage/engine/routing/routing-rules.yaml";

	private record Rule(String id, Track track, List<Predicate<RoutingFacts>> all, List<Predicate<RoutingFacts>> any,
			boolean otherwise, String rationale) {

		boolean fires(RoutingFacts facts) {
			for (Predicate<RoutingFacts> p : this.all) {
				if (!p.test(facts)) {
					return false;
				}
			}
			if (this.any.isEmpty()) {
				return true;
			}
			for (Predicate<RoutingFacts> p : this.any) {
				if (p.test(facts)) {
					return true;
				}
			}
			return false;
		}
	}

	private final String version;

	private final List<Rule> rules;

	private RoutingTable(String version, List<Rule> rules) {
		this.version = version;
		this.rules = rules;
	}

	public String version() {
		return this.version;
	}

	/**
	 * @param knownTopics the topics the lexicons define; a rule naming any other topic fails the load
	 */
	public static RoutingTable loadDefault(Set<String> knownTopics) {
		return load(RESOURCE, knownTopics);
	}

	@SuppressWarnings("unchecked")
	static RoutingTable load(String resource, Set<String> knownTopics) {
		Map<String, Object> doc = yaml(resource);
		Object version = doc.get("version");
		if (version == null || String.valueOf(version).isBlank()) {
			throw new IllegalStateException(resource + ": missing version");
		}
		List<Rule> rules = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (Object o : (List<Object>) doc.get("rules")) {
			Map<String, Object> r = (Map<String, Object>) o;
			String id = String.valueOf(r.get("id"));
			if (!ids.add(id)) {
				throw new IllegalStateException(resource + ": duplicate rule id " + id);
			}
			Track track = Track.valueOf(String.valueOf(r.get("track")));
			String rationale = String.valueOf(r.get("rationale"));
			if (r.get("rationale") == null) {
				throw new IllegalStateException(resource + ": rule " + id + " has no rationale");
			}
			List<Predicate<RoutingFacts>> all = conditions(r.get("when"), id, knownTopics);
			List<Predicate<RoutingFacts>> any = conditions(r.get("whenAny"), id, knownTopics);
			boolean otherwise = "true".equals(String.valueOf(r.get("otherwise")));
			if (all.isEmpty() && any.isEmpty() && !otherwise) {
				throw new IllegalStateException(resource + ": rule " + id + " has no condition");
			}
			rules.add(new Rule(id, track, all, any, otherwise, rationale.strip()));
		}
		if (rules.isEmpty() || !rules.get(rules.size() - 1).otherwise()) {
			throw new IllegalStateException(resource + ": the last rule must be an 'otherwise' rule");
		}
		return new RoutingTable(String.valueOf(version), List.copyOf(rules));
	}

	@SuppressWarnings("unchecked")
	private static List<Predicate<RoutingFacts>> conditions(Object value, String id, Set<String> knownTopics) {
		if (value == null) {
			return List.of();
		}
		List<Predicate<RoutingFacts>> out = new ArrayList<>();
		for (Object c : (List<Object>) value) {
			String text = String.valueOf(c);
			for (String word : text.split("\\s+")) {
				Condition.checkTopic(word, knownTopics, id);
			}
			out.add(Condition.parse(text, id));
		}
		return List.copyOf(out);
	}

	public Routing route(RoutingFacts facts) {
		Track primary = null;
		Set<Track> secondary = new LinkedHashSet<>();
		List<String> rationale = new ArrayList<>();
		List<String> fired = new ArrayList<>();
		for (Rule rule : this.rules) {
			if (rule.otherwise() && !fired.isEmpty()) {
				continue;
			}
			if (rule.otherwise() || rule.fires(facts)) {
				fired.add(rule.id());
				rationale.add(rule.rationale());
				if (primary == null) {
					primary = rule.track();
				}
				else if (rule.track() != primary) {
					secondary.add(rule.track());
				}
			}
		}
		return new Routing(primary, List.copyOf(secondary), List.copyOf(rationale), List.copyOf(fired));
	}

	private static Map<String, Object> yaml(String resource) {
		try (InputStream in = RoutingTable.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + resource);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				// plain strings only: conditions are parsed by Condition, not by YAML's type guessing
				Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
						new DumperOptions(), new LoaderOptions(), new Resolver() {
							@Override
							protected void addImplicitResolvers() {
							}
						});
				return yaml.load(reader);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

}
