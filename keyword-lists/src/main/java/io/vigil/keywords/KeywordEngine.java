package io.vigil.keywords;

import io.vigil.keywords.bundle.Bundle;
import io.vigil.keywords.format.ListSetLoader;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import io.vigil.keywords.model.ListSet;
import io.vigil.keywords.score.RuleEngine;
import io.vigil.keywords.score.ScanReport;
import io.vigil.keywords.visit.VisitedContent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The public face of the keyword engine, used by the agent (to raise alerts) and the console (to
 * validate and distribute lists). Immutable and thread-safe: build once, scan from any thread.
 *
 * <p>This signature is a contract between modules; change it only together with its callers.
 */
public final class KeywordEngine {

    /** Where the shipped lists live on the classpath. */
    public static final String BUNDLED_LISTS = "io/vigil/keywords/lists";

    private final ListSet lists;
    private final Bundle bundle;
    private final RuleEngine engine;
    private final VisitedContent visited;

    private KeywordEngine(ListSet lists) {
        this.lists = lists;
        this.bundle = Bundle.of(lists);
        this.engine = new RuleEngine(lists);
        this.visited = new VisitedContent(engine);
    }

    /** Lazily built once: the shipped lists never change while the JVM runs. */
    private static final class Shipped {
        static final KeywordEngine ENGINE = loadShipped();

        private static KeywordEngine loadShipped() {
            try {
                return of(ListSources.fromClasspath(KeywordEngine.class.getClassLoader(), BUNDLED_LISTS));
            } catch (ListValidationException e) {
                throw new IllegalStateException("the keyword lists shipped in this jar are invalid: " + e.getMessage(), e);
            }
        }
    }

    /** The lists shipped inside this jar. */
    public static KeywordEngine bundled() {
        return Shipped.ENGINE;
    }

    /**
     * Lists from a directory in the documented format (see keyword-lists/FORMAT.md).
     *
     * @throws ListValidationException naming file, line and problem for every bad rule
     */
    public static KeywordEngine load(Path listDirectory) throws ListValidationException {
        return of(ListSources.fromDirectory(listDirectory));
    }

    /** An engine from a compiled bundle ({@link #bundleBytes()}), e.g. one pushed by the console. */
    public static KeywordEngine fromBundle(byte[] bundleBytes) throws ListValidationException {
        return of(Bundle.read(bundleBytes));
    }

    /** An engine from a compiled bundle file written by {@code vigil-lists compile}. */
    public static KeywordEngine loadBundle(Path bundleFile) throws ListValidationException {
        try {
            return fromBundle(Files.readAllBytes(bundleFile));
        } catch (IOException e) {
            throw new ListValidationException(List.of(bundleFile + ": cannot read: " + e.getMessage()));
        }
    }

    private static KeywordEngine of(List<SourceFile> files) throws ListValidationException {
        return new KeywordEngine(new ListSetLoader().load(files));
    }

    /** Content hash of the compiled list set, {@code sha256:<hex>}; identical lists give identical versions. */
    public String version() {
        return bundle.version();
    }

    /** Scans one piece of typed text with the keyword lists. Never returns null. */
    public Verdict scan(String text) {
        return engine.verdict(text == null ? "" : text);
    }

    /**
     * Scans a text by where it came from: domain lists apply only to a visited address or a window title, search
     * terms inside an address are matched as search text (see {@link Source}). For an address or title the
     * verdict's offsets refer to {@code text}, except when a search term decided it: then its snippet is the
     * decoded term and its offsets refer to that term. Never returns null.
     */
    public Verdict scan(String text, Source source) {
        return scan(text, source, 100);
    }

    /** Least and greatest threshold percent a caller may ask for (a quarter to four times the lists' own). */
    public static final int MIN_THRESHOLD_PERCENT = 25;
    public static final int MAX_THRESHOLD_PERCENT = 400;

    /**
     * As {@link #scan(String, Source)}, with every category's {@code @threshold} scaled to {@code thresholdPercent}
     * percent: like e2guardian's per-group naughtiness limits, a younger pupil's profile (50) lets fewer weighted
     * signals alert, an adult's (150) needs more. Banned rules, escalations and severities are unchanged.
     *
     * @throws IllegalArgumentException outside {@value #MIN_THRESHOLD_PERCENT}-{@value #MAX_THRESHOLD_PERCENT}
     */
    public Verdict scan(String text, Source source, int thresholdPercent) {
        if (thresholdPercent < MIN_THRESHOLD_PERCENT || thresholdPercent > MAX_THRESHOLD_PERCENT) {
            throw new IllegalArgumentException("threshold percent " + thresholdPercent + " is outside "
                    + MIN_THRESHOLD_PERCENT + "-" + MAX_THRESHOLD_PERCENT);
        }
        return visited.scan(text == null ? "" : text, source, thresholdPercent);
    }

    /**
     * Scans and explains: every category in which something matched, with the rules hit, their
     * offsets in {@code text}, the scores and the exceptions that cancelled matches.
     */
    public ScanReport explain(String text) {
        return engine.explain(text == null ? "" : text);
    }

    /** The compiled bundle of these lists (a copy), ready to write to a file or send to an agent. */
    public byte[] bundleBytes() {
        return bundle.bytes().clone();
    }

    /** The validated list set behind this engine. */
    public ListSet lists() {
        return lists;
    }

    public int categoryCount() {
        return lists.categories().size();
    }

    public int ruleCount() {
        return lists.ruleCount();
    }
}
