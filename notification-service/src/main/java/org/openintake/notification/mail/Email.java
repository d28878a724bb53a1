package org.openintake.notification.mail;

/**
 * One plain-text email about one case to one recipient.
 *
 * @param urgent sent with high-priority headers
 */
public record Email(EmailKind kind, String caseId, String to, String subject, String body, boolean urgent) {
}
