package org.openintake.triage.playground;

/** One reason a request was refused; never echoes the submitted value. */
record FieldError(String field, String reason) {
}
