package io.vigil.keywords.visit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a visited address that safeguarding needs: its host (for domain lists) and the search terms in
 * its query string, URL-decoded ({@code ?q=how+to+self%20harm} → "how to self harm"). Parsed by hand rather
 * than with {@link java.net.URI}, which refuses the unescaped spaces and non-ASCII letters browsers show.
 *
 * @param host        lower case, without port, user info or a trailing dot
 * @param hostStart   offset of the host in the text, so a snippet can point at it
 * @param searchTerms decoded values of the known search parameters, in order, blank ones dropped
 */
public record VisitedAddress(String host, int hostStart, List<String> searchTerms) {

    /**
     * Search parameters of the engines and sites pupils use: q (Google, Bing, DuckDuckGo, Ecosia, TikTok, Reddit,
     * X), search_query (YouTube), p (Yahoo), text (Yandex), wd (Baidu), k (Amazon), and the generic query, search,
     * term, keywords. Matched case-insensitively.
     */
    public static final Set<String> SEARCH_PARAMETERS =
            Set.of("q", "query", "search_query", "p", "text", "wd", "k", "search", "term", "keywords");
    static final int MAX_TERM_CHARS = 300;

    private static final Pattern ADDRESS = Pattern.compile(
            "^(?:([a-z][a-z0-9+.-]*)://)?(?:[^@/?#\\s]*@)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9])\\.?"
                    + "(?::\\d{1,5})?([/?#]\\S*)?$", Pattern.CASE_INSENSITIVE);

    public VisitedAddress {
        searchTerms = List.copyOf(searchTerms);
    }

    /** An address typed or shown with or without a scheme ({@code https://example.org/x}, {@code example.org}). */
    public static Optional<VisitedAddress> parse(String text) {
        String t = text.strip();
        Matcher m = ADDRESS.matcher(t);
        if (!m.matches() || t.length() > 8192) {
            return Optional.empty();
        }
        int lead = text.indexOf(t);
        String rest = m.group(3) == null ? "" : m.group(3);
        return Optional.of(new VisitedAddress(m.group(2).toLowerCase(Locale.ROOT), lead + m.start(2), searchTerms(rest)));
    }

    /**
     * Whether a window title is itself an address: browsers show the address while a page loads or when it has no
     * title. Only with a scheme or {@code www.}, so a title like "notes.txt - Editor" is not taken for one.
     */
    public static boolean isAddress(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT);
        return (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("www.")) && parse(t).isPresent();
    }

    private static List<String> searchTerms(String rest) {
        int q = rest.indexOf('?');
        if (q < 0) {
            return List.of();
        }
        int hash = rest.indexOf('#', q);
        String query = rest.substring(q + 1, hash < 0 ? rest.length() : hash);
        List<String> terms = new ArrayList<>();
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (SEARCH_PARAMETERS.contains(name)) {
                String value = decode(pair.substring(eq + 1)).strip();
                if (!value.isEmpty()) {
                    terms.add(value.length() > MAX_TERM_CHARS ? value.substring(0, MAX_TERM_CHARS) : value);
                }
            }
        }
        return terms;
    }

    /** URL-decoding; a malformed escape ({@code %zz}) keeps the raw text with + read as a space. */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw.replace('+', ' ');
        }
    }
}
