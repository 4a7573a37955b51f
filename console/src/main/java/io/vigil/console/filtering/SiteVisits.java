package io.vigil.console.filtering;

/** How often a domain was requested in the period asked about (allowed browsing, from hourly counts). */
public record SiteVisits(String domain, long requests) {
}
