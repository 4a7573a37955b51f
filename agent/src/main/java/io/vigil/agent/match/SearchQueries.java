package io.vigil.agent.match;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the search query in a browser window title. Search pages put the query first in the page title
 * ("how to tie a tie - Google Search"), and the browser appends its own name ("- Google Chrome",
 * "— Mozilla Firefox"). The query is what the DSL needs to read: "searched for ...".
 */
public final class SearchQueries {

    /** Browser suffixes, stripped before the search engine's own suffix is looked for. */
    private static final Pattern BROWSER = Pattern.compile(
            "\\s+[-\u2013\u2014]\\s+(Google Chrome|Chromium|Mozilla Firefox|Firefox|Microsoft\u200B? Edge|Edge|"
                    + "Safari|Opera|Brave|Vivaldi)(\\s*\\(.*\\))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> ENGINES = List.of(
            engine("Google Search|Google Suche|Recherche Google"),
            engine("Bing|Search - Microsoft Bing|Microsoft Bing"),
            engine("DuckDuckGo|at DuckDuckGo"),
            engine("YouTube"),
            engine("TikTok|Search TikTok|TikTok Search"));
    /** TikTok titles its results page "Find 'query' on TikTok | TikTok Search". */
    private static final Pattern TIKTOK_FIND = Pattern.compile(
            "^Find\\s+['\u2018\u2019\"](.+?)['\u2018\u2019\"]\\s+on TikTok", Pattern.CASE_INSENSITIVE);
    static final int MAX_QUERY_CHARS = 300;

    private SearchQueries() {
    }

    /** The query, if the title is a search results page of a known engine. */
    public static Optional<String> extract(String title) {
        String page = BROWSER.matcher(title.strip()).replaceFirst("").strip();
        Matcher tiktok = TIKTOK_FIND.matcher(page);
        if (tiktok.find()) {
            return clean(tiktok.group(1));
        }
        for (Pattern engine : ENGINES) {
            Matcher m = engine.matcher(page);
            if (m.matches()) {
                return clean(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** "query - Engine", "query – Engine", "query at Engine" or "query | Engine". */
    private static Pattern engine(String names) {
        return Pattern.compile("^(.+?)\\s*(?:[-\u2013\u2014|]|\\bat\\b)\\s*(?:" + names + ")\\s*$",
                Pattern.CASE_INSENSITIVE);
    }

    private static Optional<String> clean(String query) {
        String q = query.strip();
        if (q.isEmpty() || q.equalsIgnoreCase("Google") || q.equalsIgnoreCase("Search")) {
            return Optional.empty();
        }
        return Optional.of(q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q);
    }
}
