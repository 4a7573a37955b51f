package io.vigil.console.domain;

/** A device sent an alert the console refuses to store; {@link #field()} names the offending field. */
public final class InvalidAlertException extends RuntimeException {

    private final String field;

    public InvalidAlertException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
