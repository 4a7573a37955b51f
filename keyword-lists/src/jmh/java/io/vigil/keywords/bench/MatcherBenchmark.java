package io.vigil.keywords.bench;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.normalize.TextNormalizer;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans the same deterministic mixed text (one call per line, as the agent does) with the full
 * shipped lists, three ways. One operation is one pass over the whole text, so
 * MB/s = ops/s x {@link #TEXT_BYTES} / 1e6.
 *
 * <ul>
 *   <li>{@code vigilScan}: the real engine, normalisation on, all rule kinds, scoring and verdicts;</li>
 *   <li>{@code vigilNormalizeOnly}: just the normaliser, to show where the time goes;</li>
 *   <li>{@code regexAlternation}: one case-insensitive, word-bounded java.util.regex alternation of
 *       the same literals (no normalisation at all);</li>
 *   <li>{@code ahoCorasickLibrary}: org.ahocorasick's Trie, ignore case, whole words, same literals.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatcherBenchmark {

    public static final int TEXT_BYTES = 2_000_000;
    private static final long SEED = 20261123L;

    private KeywordEngine engine;
    private TextNormalizer normalizer;
    private Pattern regex;
    private Trie trie;
    private List<String> lines;

    @Setup
    public void setUp() {
        engine = KeywordEngine.bundled();
        normalizer = new TextNormalizer();
        Set<String> patterns = new LinkedHashSet<>();
        for (CategoryList list : engine.lists().lists()) {
            for (Rule r : list.rules()) {
                patterns.addAll(r.patterns());
            }
        }
        List<String> alternatives = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String p : patterns) {
            List<String> words = List.of(p.trim().toLowerCase(Locale.ROOT).split("\\s+"));
            List<String> parts = new ArrayList<>();
            for (String w : words) {
                boolean prefix = w.endsWith("*");
                String stem = prefix ? w.substring(0, w.length() - 1) : w;
                parts.add(Pattern.quote(stem) + (prefix ? "\\w*" : ""));
            }
            alternatives.add(String.join("[\\W_]+", parts));
            String literal = p.replace("*", "").trim().toLowerCase(Locale.ROOT);
            literals.add(literal);
            phrases.add(p.replace("*", "ing").trim());
        }
        regex = Pattern.compile("\\b(?:" + String.join("|", alternatives) + ")\\b", Pattern.CASE_INSENSITIVE);
        trie = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(literals).build();
        lines = MixedText.lines(SEED, TEXT_BYTES, phrases);
    }

    @Benchmark
    public int vigilScan() {
        int alerts = 0;
        for (String line : lines) {
            if (engine.scan(line).alert()) {
                alerts++;
            }
        }
        return alerts;
    }

    @Benchmark
    public int vigilNormalizeOnly() {
        int tokens = 0;
        for (String line : lines) {
            tokens += normalizer.normalize(line).tokenCount();
        }
        return tokens;
    }

    @Benchmark
    public int regexAlternation() {
        int hits = 0;
        for (String line : lines) {
            Matcher m = regex.matcher(line);
            while (m.find()) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int ahoCorasickLibrary() {
        int hits = 0;
        for (String line : lines) {
            hits += trie.parseText(line).size();
        }
        return hits;
    }
}
