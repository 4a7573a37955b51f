package io.vigil.keywords.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one list line into fields: bare words and double-quoted patterns, separated by spaces or
 * tabs. {@code #} outside quotes starts a comment. There is no escape syntax: a pattern cannot
 * contain a double quote, which keeps lists readable in a diff.
 */
final class LineLexer {

    record Field(String text, boolean quoted) {
    }

    /** The fields of a line, or the reason it cannot be read. */
    record Result(List<Field> fields, String error) {
    }

    private LineLexer() {
    }

    static Result lex(String line) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return new Result(fields, "unbalanced quotes: pattern starting at column " + (i + 1) + " is not closed");
                }
                if (close + 1 < n && !isFieldEnd(line.charAt(close + 1))) {
                    return new Result(fields, "unbalanced quotes: text right after the closing quote at column " + (close + 1));
                }
                fields.add(new Field(line.substring(i + 1, close), true));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isFieldEnd(line.charAt(i)) && line.charAt(i) != '"') {
                    i++;
                }
                if (i < n && line.charAt(i) == '"') {
                    return new Result(fields, "unbalanced quotes: a quote inside the field \"" + line.substring(start, i + 1) + "\"");
                }
                fields.add(new Field(line.substring(start, i), false));
            }
        }
        return new Result(fields, null);
    }

    /** The line without its comment, trimmed; used for header values, which may contain spaces. */
    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static boolean isFieldEnd(char c) {
        return c == ' ' || c == '\t' || c == '#';
    }
}
