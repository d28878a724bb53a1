package org.openintake.notification.helplines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The helpline directory, read once from {@code helplines/helplines.json} (data, so a wrong number
 * is fixed by editing one file) and rendered in one of the five supported languages.
 */
@Component
public class HelplineDirectory {

	static final Set<String> LANGUAGES = Set.of("en", "es", "de", "fr", "it");

	private final DirectoryFile file;

	private final MessageSource messages;

	HelplineDirectory(JsonMapper jsonMapper, MessageSource messages) {
		this.file = load(jsonMapper);
		this.messages = messages;
	}

	/**
	 * The helplines of a country (ISO 3166-1 alpha-2, any case) in a language; an unknown or
	 * missing country gets the international fallback, an unsupported language English.
	 */
	public Helplines lookup(String country, String language) {
		String lang = (language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT)))
				? language.toLowerCase(Locale.ROOT) : "en";
		String code = (country != null) ? country.toUpperCase(Locale.ROOT) : null;
		DirectoryFile.Entry entry = (code != null) ? this.file.countries().get(code) : null;
		boolean fallback = (entry == null);
		if (fallback) {
			entry = this.file.fallback();
		}
		Locale locale = Locale.forLanguageTag(lang);
		List<Helplines.EmergencyNumber> emergency = entry.emergency()
			.stream()
			.map((e) -> new Helplines.EmergencyNumber(e.number(), text(e.label(), lang)))
			.toList();
		List<Helplines.Line> lines = entry.lines().stream().map((line) -> render(line, lang, locale)).toList();
		List<Helplines.Website> websites = (entry.websites() != null) ? entry.websites()
			.stream()
			.map((w) -> new Helplines.Website(text(w.service(), lang), w.url(), w.languages(), w.lastVerified()))
			.toList() : List.of();
		String advice = this.messages.getMessage("advice", new Object[] { emergency.get(0).number() }, locale);
		return new Helplines(fallback ? null : code, fallback, lang, emergency, lines, websites, advice);
	}

	private Helplines.Line render(DirectoryFile.LineEntry line, String lang, Locale locale) {
		String hours = (line.hours() == null) ? label("hours.unknown", locale)
				: "24/7".equals(line.hours()) ? label("hours.always", locale) : line.hours();
		String cost = (line.cost() != null) ? label("cost." + line.cost(), locale) : null;
		List<String> channels = line.channels().stream().map((c) -> label("channel." + c, locale)).toList();
		return new Helplines.Line(text(line.service(), lang), line.number(),
				(line.otherNumbers() != null) ? line.otherNumbers() : List.of(), hours, cost, channels,
				line.languages(), label("audience." + line.audience(), locale), text(line.note(), lang), line.url(),
				line.lastVerified());
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String text(Map<String, String> texts, String lang) {
		if (texts == null) {
			return null;
		}
		return texts.getOrDefault(lang, texts.get("en"));
	}

	private static DirectoryFile load(JsonMapper jsonMapper) {
		try (InputStream in = new ClassPathResource("helplines/helplines.json").getInputStream()) {
			DirectoryFile file = jsonMapper.readValue(in, DirectoryFile.class);
			validate(file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("helplines/helplines.json cannot be read", ex);
		}
	}

	// A broken directory must stop the service at start-up, not show a patient an empty list.
	private static void validate(DirectoryFile file) {
		if (file.fallback() == null || file.countries() == null) {
			throw new IllegalStateException("helplines.json needs 'countries' and 'fallback'");
		}
		file.countries().forEach((code, entry) -> validate(code, entry));
		validate("fallback", file.fallback());
	}

	private static void validate(String name, DirectoryFile.Entry entry) {
		if (entry.emergency() == null || entry.emergency().isEmpty() || entry.lines() == null) {
			throw new IllegalStateException("helplines.json: " + name + " needs an emergency number and lines");
		}
		for (DirectoryFile.Emergency emergency : entry.emergency()) {
			if (emergency.number() == null || emergency.label() == null || !emergency.label().containsKey("en")) {
				throw new IllegalStateException("helplines.json: " + name + " has an emergency number without an en label");
			}
		}
		for (DirectoryFile.LineEntry line : entry.lines()) {
			if (line.service() == null || !line.service().containsKey("en") || line.lastVerified() == null
					|| line.channels() == null || line.audience() == null || line.languages() == null
					|| line.number() == null) {
				throw new IllegalStateException("helplines.json: " + name
						+ " has a line without service.en, number, channels, languages, audience or lastVerified");
			}
		}
		for (DirectoryFile.WebsiteEntry website : (entry.websites() != null) ? entry.websites()
				: List.<DirectoryFile.WebsiteEntry>of()) {
			if (website.service() == null || !website.service().containsKey("en") || website.url() == null
					|| website.lastVerified() == null) {
				throw new IllegalStateException("helplines.json: " + name + " has a website without service.en, url or lastVerified");
			}
		}
	}

}
