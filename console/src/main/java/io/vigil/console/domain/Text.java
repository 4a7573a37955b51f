package io.vigil.console.domain;

/** Small text helpers for values that come from devices and must fit their columns. */
public final class Text {

    private Text() {
    }

    /** Null becomes empty; anything longer than {@code max} is cut, so a chatty device cannot break an insert. */
    public static String bounded(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
