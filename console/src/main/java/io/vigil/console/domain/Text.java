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

    /**
     * A device-supplied value made safe for one log line: line breaks, tabs and other control or format
     * characters (bidi overrides, U+2028) become {@code ?} so a device cannot forge or hide log lines, and the
     * result is cut to 200 characters.
     */
    public static String forLog(String value) {
        String bounded = bounded(value, 200);
        StringBuilder safe = new StringBuilder(bounded.length());
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            safe.append(unsafe ? '?' : c);
        }
        return safe.toString();
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
