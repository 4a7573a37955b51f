package io.vigil.keywords;

import java.util.Locale;

/**
 * Where a scanned text came from. The source decides which lists apply: domain lists only to what was visited
 * (an address, a window title naming a site), never to what a pupil typed or searched for, because a pupil
 * who types "bet365" in an essay has not visited it. Search terms found inside an address are matched as
 * search text.
 */
public enum Source {
    /** Typed text: keyword lists only. */
    TYPED,
    /** A search query (from a results page title, or extracted from an address): keyword lists only. */
    SEARCH,
    /** A window title: keyword lists, plus domain lists for any site the title names; a title that is an address is read as one. */
    TITLE,
    /** A visited address: domain lists on its host, keyword lists on its words, search parameters as search text. */
    URL;

    /** The corpus and console spelling: "typed", "search", "title", "url". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source parse(String text) {
        for (Source s : values()) {
            if (s.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("source \"" + text.strip() + "\" is not one of typed, search, title, url");
    }
}
