package org.openintake.notification.casemail;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openintake.events.CaseTriaged;
import org.openintake.notification.helplines.HelplineDirectory;
import org.openintake.notification.helplines.Helplines;
import org.openintake.notification.mail.Email;
import org.openintake.notification.mail.EmailKind;
import org.openintake.notification.mail.PlainText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement a patient gets when they agreed to be contacted: in their language, with a
 * neutral subject (it may show on a shared screen), their case reference and their country's
 * helplines. Nothing about what triage decided.
 */
@Component
class PatientAcks {

	private final MessageSource messages;

	private final HelplineDirectory helplines;

	PatientAcks(MessageSource messages, HelplineDirectory helplines) {
		this.messages = messages;
		this.helplines = helplines;
	}

	Optional<Email> forCase(CaseTriaged event) {
		CaseTriaged.Contact contact = event.contact();
		if (contact == null || !contact.contactConsent() || contact.email() == null || contact.email().isBlank()) {
			return Optional.empty();
		}
		Helplines help = this.helplines.lookup(contact.country(), contact.locale());
		Locale locale = Locale.forLanguageTag(help.language());
		String name = PlainText.line(contact.name(), 100);
		StringBuilder text = new StringBuilder();
		text.append(name.isEmpty() ? message("ack.greetingNoName", locale) : message("ack.greeting", locale, name))
			.append("\n\n");
		text.append(message("ack.received", locale)).append("\n\n");
		text.append(message("ack.reference", locale, event.caseId())).append('\n');
		text.append(message("ack.keep", locale)).append("\n\n");
		text.append(message("ack.helpHeading", locale)).append('\n');
		text.append(message("ack.emergency", locale, help.emergency()
			.stream()
			.map((e) -> e.number() + " (" + e.label() + ")")
			.collect(Collectors.joining(", ")))).append('\n');
		for (Helplines.Line line : help.lines()) {
			text.append("- ").append(line.service()).append(": ").append(line.number());
			line.otherNumbers().forEach((other) -> text.append(" / ").append(other));
			text.append(" (").append(line.hours());
			if (line.cost() != null) {
				text.append("; ").append(line.cost());
			}
			text.append(')');
			if (line.url() != null) {
				text.append(' ').append(line.url());
			}
			text.append('\n');
		}
		for (Helplines.Website website : help.websites()) {
			text.append("- ").append(website.service()).append(": ").append(website.url()).append('\n');
		}
		text.append('\n').append(help.advice()).append("\n\n");
		text.append(message("ack.footer", locale)).append('\n');
		return Optional.of(new Email(EmailKind.PATIENT_ACK, event.caseId(), contact.email().strip(),
				message("ack.subject", locale, event.caseId()), text.toString(), false));
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
