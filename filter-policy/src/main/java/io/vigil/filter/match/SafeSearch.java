package io.vigil.filter.match;

import io.vigil.filter.YouTubeMode;
import java.util.Set;

/**
 * SafeSearch by DNS rewrite, the way the search engines document it for schools: the search host is answered
 * with a CNAME to the engine's enforced-safe host, which the browser cannot switch off.
 */
public final class SafeSearch {

    public static final String GOOGLE = "forcesafesearch.google.com";
    public static final String BING = "strict.bing.com";
    public static final String DUCKDUCKGO = "safe.duckduckgo.com";

    private static final Set<String> BING_HOSTS = Set.of("bing.com", "www.bing.com");
    private static final Set<String> DDG_HOSTS = Set.of("duckduckgo.com", "www.duckduckgo.com",
            "start.duckduckgo.com", "html.duckduckgo.com", "lite.duckduckgo.com");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("www.youtube.com", "m.youtube.com", "youtube.com",
            "youtubei.googleapis.com", "youtube.googleapis.com", "www.youtube-nocookie.com");

    private SafeSearch() {
    }

    /** The CNAME target for {@code name} (normalised), or {@code null} when it is not a search/video host. */
    public static String rewrite(String name, boolean safeSearch, YouTubeMode youTube) {
        if (youTube != YouTubeMode.OFF && YOUTUBE_HOSTS.contains(name)) {
            return youTube.target();
        }
        if (!safeSearch) {
            return null;
        }
        if (isGoogleSearch(name)) {
            return GOOGLE;
        }
        if (BING_HOSTS.contains(name)) {
            return BING;
        }
        if (DDG_HOSTS.contains(name)) {
            return DUCKDUCKGO;
        }
        return null;
    }

    /**
     * {@code google.com}, {@code www.google.co.uk}, {@code www.google.com.au}, {@code www.google.de}: Google
     * runs search on ~190 country domains, all shaped {@code [www.]google.<cc> | google.co.<cc> | google.com.<cc>}.
     */
    static boolean isGoogleSearch(String name) {
        String rest = name.startsWith("www.") ? name.substring(4) : name;
        if (!rest.startsWith("google.")) {
            return false;
        }
        String suffix = rest.substring("google.".length());
        int dot = suffix.indexOf('.');
        if (dot < 0) {
            return suffix.equals("com") || isCountryCode(suffix);
        }
        String first = suffix.substring(0, dot);
        String cc = suffix.substring(dot + 1);
        return (first.equals("co") || first.equals("com")) && isCountryCode(cc);
    }

    private static boolean isCountryCode(String label) {
        return label.length() == 2 && Character.isLetter(label.charAt(0)) && Character.isLetter(label.charAt(1));
    }
}
