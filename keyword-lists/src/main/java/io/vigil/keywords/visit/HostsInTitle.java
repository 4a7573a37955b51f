package io.vigil.keywords.visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names a window title shows ("Stake.com - Online Casino", "Home | example.org"). Sites often name
 * themselves in their titles; a title that shows a host is a visit to it, so domain lists apply to it.
 */
public final class HostsInTitle {

    /** A host: labels joined by dots, ending in a letter-only top-level label, not inside a longer word or path. */
    private static final Pattern HOST = Pattern.compile(
            "(?<![\\w.@/-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24})(?![\\w-]|\\.\\w)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_HOSTS = 8;

    private HostsInTitle() {
    }

    /** Each host with its offset in the title, at most eight (a title is short; a pathological one is not scanned whole). */
    public static List<Found> in(String title) {
        List<Found> found = new ArrayList<>();
        Matcher m = HOST.matcher(title);
        while (m.find() && found.size() < MAX_HOSTS) {
            found.add(new Found(m.group(1).toLowerCase(Locale.ROOT), m.start(1)));
        }
        return found;
    }

    /** A host and where it starts in the title. */
    public record Found(String host, int start) {
    }
}
