package org.openintake.intake.submission;

/**
 * One bad field of a refused submission, as it appears in the problem's {@code errors} array.
 *
 * @param field JSON path of the field, e.g. {@code questionnaires.phq9[8]}
 * @param reason what is wrong, in English; the page shows its own translation, chosen by {@code code}
 * @param code the kind of problem (a Bean Validation constraint name such as {@code Max}, or
 * {@code type}, {@code syntax}, {@code size}, ...), stable for clients to translate
 */
record FieldError(String field, String reason, String code) {
}
