package io.vigil.console.domain;

/** Alert severity (1 to 5) in the words a DSL reads, so nothing depends on seeing a colour. */
public final class Severity {

    public static final int IMMINENT = 5;

    private Severity() {
    }

    public static String label(int severity) {
        return switch (severity) {
            case 5 -> "Imminent risk";
            case 4 -> "Serious";
            case 3 -> "Concerning";
            case 2 -> "Low";
            default -> "Information";
        };
    }
}
