package io.vigil.keywords.visit;

import io.vigil.keywords.Source;
import io.vigil.keywords.Verdict;
import io.vigil.keywords.score.RuleEngine;

/**
 * Scans a text by its {@link Source}. Typed text and searches meet the keyword lists only. A visited address
 * meets the domain lists on its host, the keyword lists on its own words ({@code /how-to-self-harm}) and, as
 * search text, each search term in its query string. A window title meets the keyword lists and the domain
 * lists for every host it shows; a title that is an address is read as one. The strongest finding speaks
 * (alerting first, then severity, then score); a search term's snippet is the decoded term, which is what the
 * DSL needs to read.
 */
public final class VisitedContent {

    private final RuleEngine engine;

    public VisitedContent(RuleEngine engine) {
        this.engine = engine;
    }

    /** @param thresholdPercent percent of each category's threshold weighted rules must reach (100: as written) */
    public Verdict scan(String text, Source source, int thresholdPercent) {
        return switch (source) {
            case TYPED, SEARCH -> engine.verdict(text, thresholdPercent);
            case URL -> address(text, thresholdPercent);
            case TITLE -> VisitedAddress.isAddress(text) ? address(text, thresholdPercent) : title(text, thresholdPercent);
        };
    }

    /** Search terms first: on a tie they speak, so the DSL reads "how to ..." rather than the whole address. */
    private Verdict address(String text, int pct) {
        var parsed = VisitedAddress.parse(text);
        if (parsed.isEmpty()) {
            return engine.verdict(text, pct);
        }
        VisitedAddress address = parsed.get();
        Verdict best = Verdict.NONE;
        for (String term : address.searchTerms()) {
            best = stronger(best, engine.verdict(term, pct));
        }
        best = stronger(best, engine.domainVerdict(address.host(), text, address.hostStart()));
        return stronger(best, engine.verdict(text, pct));
    }

    private Verdict title(String text, int pct) {
        Verdict best = engine.verdict(text, pct);
        for (HostsInTitle.Found host : HostsInTitle.in(text)) {
            best = stronger(best, engine.domainVerdict(host.host(), text, host.start()));
        }
        return best;
    }

    /** The stronger of two verdicts; on a full tie, {@code a}. */
    static Verdict stronger(Verdict a, Verdict b) {
        if (a.alert() != b.alert()) {
            return a.alert() ? a : b;
        }
        if (a.severity() != b.severity()) {
            return a.severity() > b.severity() ? a : b;
        }
        return b.score() > a.score() ? b : a;
    }
}
