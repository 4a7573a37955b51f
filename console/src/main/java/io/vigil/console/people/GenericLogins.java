package io.vigil.console.people;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A school's generic and shared logins: exact usernames ({@code guest}) or patterns where {@code *} stands for
 * any characters ({@code year7*}, {@code exam-*}). An alert from one cannot be pinned on a person.
 */
public final class GenericLogins {

    private final List<Pattern> patterns;

    public GenericLogins(List<String> patterns) {
        this.patterns = patterns.stream().map(GenericLogins::compile).toList();
    }

    public boolean matches(String login) {
        String lower = login.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(lower).matches());
    }

    private static Pattern compile(String glob) {
        return Pattern.compile(java.util.Arrays.stream(glob.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(java.util.stream.Collectors.joining(".*")));
    }
}
