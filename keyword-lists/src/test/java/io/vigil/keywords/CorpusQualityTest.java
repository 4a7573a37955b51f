package io.vigil.keywords;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Measures the shipped lists against a labelled corpus of realistic pupil text: half lines that must alert,
 * half hard negatives built to look risky. The point of Vigil's lists is to beat a naive word list on recall
 * and false alerts at the same time, so both are gated here on labelled.tsv.
 *
 * <p>holdout3.tsv is the blind check of how the lists generalise to phrasings nobody tuned for: written by
 * an independent author who never saw the lists or the other corpora. It is reported, never gated (a gate
 * would invite tuning against it), and its report gives aggregate numbers only: listing its misses would turn
 * it into one more tuning set, as happened to the first holdout.tsv (now part of labelled.tsv) and to
 * holdout2.tsv (blind at 14.0% recall, then tuned against by its own author; still reported, for the trend).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusQualityTest {

    private static final double MIN_RECALL = 0.92;
    private static final double MAX_FALSE_ALERT_RATE = 0.05;
    private static final int MIN_CORPUS_LINES = 600;
    private static final int MIN_POSITIVES_PER_CATEGORY = 15;
    /** Every category on its own, so one category cannot lose most of its rules behind a good average. */
    private static final double MIN_CATEGORY_RECALL = 0.85;
    /** Caught lines rated at least the severity their author expected. */
    private static final double MIN_SEVERITY_AGREEMENT = 0.95;
    /** Help-seeking and teaching lines are visible but calm: never rated above this. */
    private static final int CALM_MAX_SEVERITY = 2;
    /** Blind sets written by independent authors: reported (aggregates only) when present, never gated. */
    private static final List<String> OPTIONAL_BLIND = List.of("/corpus/holdout4.tsv", "/corpus/languages.tsv",
            "/corpus/holdout5.tsv");

    private List<Sample> corpus;
    private Result labelled;
    private Result holdout;
    private Result blind;
    private Result folded;

    /**
     * Round 4's blind sets, folded in at round 5: measured blind before and after round 4 (figures in the README),
     * then tuned on, so from now on they are gated like labelled.tsv, with their own gates (below).
     */
    static final List<String> FOLDED = List.of("/corpus/languages.tsv", "/corpus/holdout4.tsv");

    /** Gates on the folded corpora, each just under what round 5 reached (figures in the README). */
    static final double FOLDED_MIN_RECALL = 0.95;
    static final double FOLDED_MAX_FALSE_ALERT_RATE = 0.03;
    static final double FOLDED_MIN_SEVERITY_AGREEMENT = 0.92;
    static final double FOLDED_MIN_CATEGORY_RECALL = 0.85;
    /** Every language pupils in English schools most often speak besides English (issue 11): each gated alone. */
    static final List<String> GATED_LANGUAGES = List.of("pl", "ro", "ur", "pa", "bn", "ar", "pt", "es", "so", "lt", "gu", "tr");
    static final double LANGUAGE_MIN_RECALL = 0.90;
    static final double LANGUAGE_MAX_FALSE_ALERT_RATE = 0.05;
    static final int LANGUAGE_MIN_LINES = 40;

    @BeforeAll
    void scanBothCorpora() {
        KeywordEngine engine = KeywordEngine.bundled();
        corpus = load("/corpus/labelled.tsv");
        labelled = Result.of(engine, corpus);
        holdout = Result.of(engine, load("/corpus/holdout2.tsv"));
        blind = Result.of(engine, load("/corpus/holdout3.tsv"));
        System.out.println(labelled.report("labelled corpus (gated)", true));
        // holdout2 was blind when first measured (recall 14.0%); the lists were then tuned by the author who
        // wrote it, so later figures overstate generalisation. See the file header.
        System.out.println(holdout.report("held-out corpus holdout2.tsv (reported, not gated, misses not listed;"
                + " blind figure 14.0% recall, later figures author-contaminated)", false));
        // holdout3 is the honest generalisation figure: 71.9% recall, 2.3% false alerts when it was written; 82.0%
        // and 0.0% after list round 3, whose author never saw it but was told the families of phrasing it missed.
        System.out.println(blind.report("BLIND corpus holdout3.tsv, independent author (reported, not gated,"
                + " misses not listed)", false));
        for (String resource : FOLDED) {
            System.out.println(Result.of(engine, load(resource)).report(resource + " alone (folded, gated below as one)", false));
        }
        for (String resource : OPTIONAL_BLIND) {
            if (!FOLDED.contains(resource) && CorpusQualityTest.class.getResource(resource) != null) {
                System.out.println(Result.of(engine, load(resource)).report("BLIND corpus " + resource
                        + " (reported, not gated, misses not listed)", false));
            }
        }
        folded = Result.of(engine, FOLDED.stream().flatMap(r -> load(r).stream()).toList());
        // What a younger pupil's detection profile costs (the agent's KS1 and KS2 profiles lower the threshold):
        // reported only, on hard negatives built to look risky, so an upper bound on the cost.
        for (int percent : new int[] {50, 75}) {
            Result younger = new Result(corpus.stream().map(s -> new Scanned(s, engine.scan(s.text(),
                    scanSource(s), percent))).toList());
            System.out.printf(Locale.ROOT, "%nlabelled corpus at threshold %d%%: recall %s, false alerts %s (%d/%d)%n",
                    percent, pct(younger.recall()), pct(younger.falseAlertRate()), younger.falseAlerts().size(),
                    younger.negatives());
        }
        System.out.println(folded.report("folded corpora " + FOLDED + " (gated; blind until round 5, now tuned on)", true));
    }

    @Test
    void everyCategoryKeepsItsOwnRecall() {
        List<String> low = new ArrayList<>();
        labelled.recallByCategory().forEach((category, r) -> {
            if (r[1] >= MIN_POSITIVES_PER_CATEGORY && ratio(r[0], r[1]) < MIN_CATEGORY_RECALL) {
                low.add(category + " " + pct(ratio(r[0], r[1])) + " (" + r[0] + "/" + r[1] + ")");
            }
        });
        assertTrue(low.isEmpty(), "categories below " + pct(MIN_CATEGORY_RECALL) + " recall: " + low);
    }

    @Test
    void caughtLinesMeetTheirSeverityFloor() {
        assertTrue(labelled.severityAgreement() >= MIN_SEVERITY_AGREEMENT, "severity agreement "
                + pct(labelled.severityAgreement()) + " below " + pct(MIN_SEVERITY_AGREEMENT)
                + "; see 'caught but severity below expected minimum' in the report");
    }

    @Test
    void helpAndTeachingLinesStayCalm() {
        assertTrue(labelled.calm().size() >= 40, "the help/teaching subset has only " + labelled.calm().size() + " lines");
        List<Scanned> loud = labelled.calmTooLoud();
        assertTrue(loud.isEmpty(), loud.size() + " help/teaching lines rated above " + CALM_MAX_SEVERITY + ":\n"
                + loud.stream().map(Scanned::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void corpusIsLargeEnoughAndBalancedBetweenAlertsAndHardNegatives() {
        assertTrue(corpus.size() >= MIN_CORPUS_LINES, "corpus has only " + corpus.size() + " lines");
        double positiveShare = (double) labelled.positives() / corpus.size();
        assertTrue(positiveShare >= 0.40 && positiveShare <= 0.60,
                "corpus is unbalanced: " + pct(positiveShare) + " of lines should alert");
    }

    @Test
    void everyShippedCategoryHasEnoughPositiveExamples() {
        Map<String, Long> perCategory = corpus.stream().filter(Sample::positive)
                .collect(Collectors.groupingBy(Sample::category, TreeMap::new, Collectors.counting()));
        for (String category : shippedCategories()) {
            long count = perCategory.getOrDefault(category, 0L);
            assertTrue(count >= MIN_POSITIVES_PER_CATEGORY,
                    "category " + category + " has only " + count + " positive lines in the corpus");
        }
        assertTrue(shippedCategories().containsAll(perCategory.keySet()),
                "corpus names categories that are not shipped: " + perCategory.keySet());
    }

    @Test
    void listsCatchAtLeastNinetyTwoPercentOfLinesThatShouldAlert() {
        assertTrue(labelled.recall() >= MIN_RECALL,
                "recall " + pct(labelled.recall()) + " below " + pct(MIN_RECALL) + "; see the report for misses");
    }

    @Test
    void listsStaySilentOnAtLeastNinetyFivePercentOfHardNegatives() {
        assertTrue(labelled.falseAlertRate() <= MAX_FALSE_ALERT_RATE,
                "false-alert rate " + pct(labelled.falseAlertRate()) + " above " + pct(MAX_FALSE_ALERT_RATE)
                        + "; see the report for false alerts");
    }

    @Test
    void foldedCorporaKeepTheirRecallFalseAlertsAndSeverity() {
        assertTrue(folded.recall() >= FOLDED_MIN_RECALL, "folded recall " + pct(folded.recall()) + " below "
                + pct(FOLDED_MIN_RECALL) + "; see the folded report for misses");
        assertTrue(folded.falseAlertRate() <= FOLDED_MAX_FALSE_ALERT_RATE, "folded false-alert rate "
                + pct(folded.falseAlertRate()) + " above " + pct(FOLDED_MAX_FALSE_ALERT_RATE));
        assertTrue(folded.severityAgreement() >= FOLDED_MIN_SEVERITY_AGREEMENT, "folded severity agreement "
                + pct(folded.severityAgreement()) + " below " + pct(FOLDED_MIN_SEVERITY_AGREEMENT));
    }

    @Test
    void foldedCorporaKeepEveryCategorysRecall() {
        List<String> low = new ArrayList<>();
        folded.recallByCategory().forEach((category, r) -> {
            if (ratio(r[0], r[1]) < FOLDED_MIN_CATEGORY_RECALL) {
                low.add(category + " " + pct(ratio(r[0], r[1])) + " (" + r[0] + "/" + r[1] + ")");
            }
        });
        assertTrue(low.isEmpty(), "folded categories below " + pct(FOLDED_MIN_CATEGORY_RECALL) + " recall: " + low);
    }

    @Test
    void foldedHelpAndTeachingLinesStayCalm() {
        List<Scanned> loud = folded.calmTooLoud();
        assertTrue(loud.isEmpty(), loud.size() + " folded help/teaching lines rated above " + CALM_MAX_SEVERITY + ":\n"
                + loud.stream().map(Scanned::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void everyLanguageHasFortyBalancedLinesAndItsOwnRecallAndFalseAlertGates() {
        List<String> problems = new ArrayList<>();
        for (String language : GATED_LANGUAGES) {
            Result r = new Result(folded.scanned().stream().filter(s -> s.sample().language().equals(language)).toList());
            long lines = r.scanned().size();
            double alertShare = ratio(r.positives(), lines);
            if (lines < LANGUAGE_MIN_LINES || alertShare < 0.35 || alertShare > 0.65) {
                problems.add(language + ": " + lines + " lines, " + pct(alertShare) + " should alert");
            }
            if (r.recall() < LANGUAGE_MIN_RECALL) {
                problems.add(language + ": recall " + pct(r.recall()) + " (" + r.caught().size() + "/" + r.positives() + ")");
            }
            if (r.falseAlertRate() > LANGUAGE_MAX_FALSE_ALERT_RATE) {
                problems.add(language + ": false alerts " + pct(r.falseAlertRate()) + " (" + r.falseAlerts().size() + "/"
                        + r.negatives() + ")");
            }
        }
        assertTrue(problems.isEmpty(), "per-language gates (>= " + LANGUAGE_MIN_LINES + " lines, recall >= "
                + pct(LANGUAGE_MIN_RECALL) + ", false alerts <= " + pct(LANGUAGE_MAX_FALSE_ALERT_RATE) + "): " + problems);
    }

    @Test
    void heldOutCorpusIsScannedAndReportedWithoutGating() {
        // Not gated on purpose: a gate would invite tuning against it. It must still be a real corpus.
        assertTrue(holdout.positives() > 0 && holdout.negatives() > 0, "held-out corpus is empty or one-sided");
        assertTrue(blind.positives() > 0 && blind.negatives() > 0, "blind corpus is empty or one-sided");
    }

    private List<String> shippedCategories() {
        List<String> ids = new ArrayList<>();
        for (String line : readLines("/io/vigil/keywords/lists/categories.txt")) {
            String content = line.strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                ids.add(content.split("\t", 2)[0].strip());
            }
        }
        return ids;
    }

    /**
     * Reads a corpus. Two line formats, told apart by their number of tab-separated fields:
     * {@code category<TAB>min_severity<TAB>text} (English typed text, no tags), and
     * {@code category<TAB>min_severity<TAB>language<TAB>source<TAB>tags<TAB>text} where source is
     * typed|chat|document|search|title|url and tags is a comma list or {@code -}.
     */
    static List<Sample> load(String resource) {
        List<Sample> samples = new ArrayList<>();
        List<String> lines = readLines(resource);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = resource + ":" + (i + 1) + ": ";
            if (f.length == 3 && !f[2].isBlank()) {
                samples.add(new Sample(f[0].strip(), severity(f[1], where), "en", "typed", Set.of(), f[2], i + 1, false));
            } else if (f.length == 6 && !f[5].isBlank()) {
                String source = f[3].strip();
                if (!SOURCES.contains(source)) {
                    throw new IllegalStateException(where + "source \"" + source + "\" is not one of " + SOURCES);
                }
                Set<String> tags = f[4].strip().equals("-") ? Set.of()
                        : Set.copyOf(Arrays.stream(f[4].split(",")).map(String::strip).toList());
                samples.add(new Sample(f[0].strip(), severity(f[1], where), f[2].strip(), source, tags, f[5], i + 1, true));
            } else {
                throw new IllegalStateException(where + "expected category<TAB>severity<TAB>text or"
                        + " category<TAB>min_severity<TAB>language<TAB>source<TAB>tags<TAB>text, got " + f.length + " fields");
            }
        }
        return samples;
    }

    /** chat and document: holdout5 separates chat messages and lesson documents from other typed text. */
    private static final List<String> SOURCES = List.of("typed", "chat", "document", "search", "title", "url");

    private static int severity(String field, String where) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + "min_severity \"" + field + "\" is not a number");
        }
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = CorpusQualityTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

 /**
     * Categories split after the three-column corpora were written: a line labelled with the old category is
     * caught by the new one too (round 4 moved nudes, sexting and sextortion out of sexual_content).
     */
    static final Map<String, String> LEGACY_SPLITS = Map.of("sexual_content", "sexting");

    /**
     * One corpus line; category "-" with severity 0 marks a hard negative. A help or teaching line with a
     * category and min_severity 1 (or a reporting line) is "visible but calm": not counted for recall, judged by the calm gate.
     */
    record Sample(String category, int minSeverity, String language, String source, Set<String> tags, String text,
                  int lineNumber, boolean sixColumns) {
        /** A three-column line, written before the round-4 categories existed. */
        boolean legacy() {
            return !sixColumns;
        }

        boolean calm() {
            return !"-".equals(category) && minSeverity <= 1
                    && (tags.contains("help") || tags.contains("teaching") || tags.contains("reporting"));
        }

        boolean positive() {
            return !"-".equals(category) && !calm();
        }

        boolean negative() {
            return "-".equals(category);
        }
    }

    /** One corpus line and what the engine said about it. */
    record Scanned(Sample sample, Verdict verdict) {
        boolean caught() {
            return verdict.alert() && (verdict.category().equals(sample.category())
                    || sample.legacy() && LEGACY_SPLITS.getOrDefault(sample.category(), "").equals(verdict.category()));
        }

        String describe() {
            String said = verdict.alert()
                    ? verdict.category() + "/" + verdict.severity() + " " + verdict.ruleIds()
                    : "no alert";
            return String.format(Locale.ROOT, "  line %4d  want %-19s got %-40s | %s", sample.lineNumber(),
                    sample.negative() ? "silence" : sample.category() + "/" + sample.minSeverity(), said,
                    sample.text());
        }
    }

    /** Scores of one corpus: recall, wrong-category alerts, false alerts and severity agreement. */
    record Result(List<Scanned> scanned) {

        static Result of(KeywordEngine engine, List<Sample> samples) {
            return new Result(samples.stream().map(s -> new Scanned(s, engine.scan(s.text(), scanSource(s)))).toList());
        }

        long positives() {
            return scanned.stream().filter(s -> s.sample().positive()).count();
        }

        long negatives() {
            return scanned.stream().filter(s -> s.sample().negative()).count();
        }

        List<Scanned> calm() {
            return scanned.stream().filter(s -> s.sample().calm()).toList();
        }

        List<Scanned> calmTooLoud() {
            return calm().stream().filter(s -> s.verdict().severity() > CALM_MAX_SEVERITY).toList();
        }

        /** category -> {caught, positives} */
        Map<String, long[]> recallByCategory() {
            Map<String, long[]> out = new TreeMap<>();
            for (Scanned s : scanned) {
                if (s.sample().positive()) {
                    long[] r = out.computeIfAbsent(s.sample().category(), c -> new long[2]);
                    r[1]++;
                    r[0] += s.caught() ? 1 : 0;
                }
            }
            return out;
        }

        List<Scanned> caught() {
            return scanned.stream().filter(s -> s.sample().positive() && s.caught()).toList();
        }

        List<Scanned> wrongCategory() {
            return scanned.stream()
                    .filter(s -> s.sample().positive() && s.verdict().alert() && !s.caught()).toList();
        }

        List<Scanned> missed() {
            return scanned.stream().filter(s -> s.sample().positive() && !s.verdict().alert()).toList();
        }

        List<Scanned> falseAlerts() {
            return scanned.stream().filter(s -> s.sample().negative() && s.verdict().alert()).toList();
        }

        List<Scanned> severityTooLow() {
            return caught().stream().filter(s -> s.verdict().severity() < s.sample().minSeverity()).toList();
        }

        double recall() {
            return ratio(caught().size(), positives());
        }

        double falseAlertRate() {
            return ratio(falseAlerts().size(), negatives());
        }

        double severityAgreement() {
            return ratio(caught().size() - severityTooLow().size(), caught().size());
        }

        String report(String title, boolean listLines) {
            StringBuilder out = new StringBuilder();
            out.append("\n===== Vigil keyword lists on the ").append(title).append(" =====\n");
            out.append(String.format(Locale.ROOT, "lines %d (%d should alert, %d hard negatives)%n",
                    scanned.size(), positives(), negatives()));
            out.append(String.format(Locale.ROOT,
                    "recall %s (%d/%d)   alerted but wrong category %d   missed %d%n", pct(recall()),
                    caught().size(), positives(), wrongCategory().size(), missed().size()));
            out.append(String.format(Locale.ROOT, "false-alert rate %s (%d/%d)%n", pct(falseAlertRate()),
                    falseAlerts().size(), negatives()));
            out.append(String.format(Locale.ROOT, "severity agreement %s (%d of %d true positives below min)%n",
                    pct(severityAgreement()), severityTooLow().size(), caught().size()));
            out.append(String.format(Locale.ROOT, "help/teaching subset (visible but calm, <= %d): %d lines, %d rated above%n",
                    CALM_MAX_SEVERITY, calm().size(), calmTooLoud().size()));
            out.append("per-category recall:\n");
            recallByCategory().forEach((category, r) -> out.append(String.format(Locale.ROOT, "  %-18s %6s (%d/%d)%n",
                    category, pct(ratio(r[0], r[1])), r[0], r[1])));
            group(out, "per-language", s -> s.sample().language());
            group(out, "per-source", s -> s.sample().source());
            if (!listLines) {
                return out.toString();
            }
            section(out, "missed (no alert)", missed());
            section(out, "alerted but wrong category", wrongCategory());
            section(out, "false alerts on hard negatives", falseAlerts());
            section(out, "caught but severity below expected minimum", severityTooLow());
            return out.toString();
        }

        /** Recall and false alerts per language or per source. */
        private void group(StringBuilder out, String title, java.util.function.Function<Scanned, String> key) {
            Map<String, List<Scanned>> groups = scanned.stream()
                    .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
            out.append(title).append(" (recall / false alerts):\n");
            groups.forEach((k, lines) -> {
                Result r = new Result(lines);
                out.append(String.format(Locale.ROOT, "  %-8s recall %6s (%d/%d)   false alerts %6s (%d/%d)%n", k,
                        pct(r.recall()), r.caught().size(), r.positives(), pct(r.falseAlertRate()),
                        r.falseAlerts().size(), r.negatives()));
            });
        }

        private static void section(StringBuilder out, String heading, List<Scanned> lines) {
            out.append(heading).append(" (").append(lines.size()).append("):\n");
            lines.forEach(s -> out.append(s.describe()).append('\n'));
        }

    }

    /** What the engine is told: chat messages and documents are typed text (domain lists never apply to them). */
    static Source scanSource(Sample s) {
        return switch (s.source()) {
            case "chat", "document" -> Source.TYPED;
            default -> Source.parse(s.source());
        };
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
