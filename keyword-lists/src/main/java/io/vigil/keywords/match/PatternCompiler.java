package io.vigil.keywords.match;

import io.vigil.keywords.normalize.NormalizedText;
import io.vigil.keywords.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/** Turns a pattern as written in a list into normalised words, with exactly the text normaliser. */
public final class PatternCompiler {

    /** A prefix stem shorter than this would match far too much ({@code "ki*"}). */
    public static final int MIN_STEM = 3;

    private final TextNormalizer normalizer;

    public PatternCompiler(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public CompiledPattern compile(String raw) throws PatternException {
        for (String w : raw.trim().split("\\s+")) {
            int star = w.indexOf('*');
            if (star >= 0 && star != w.length() - 1) {
                throw new PatternException("bad * in pattern \"" + raw + "\": * is only allowed at the end of a word");
            }
            if (star == 0) {
                throw new PatternException("bad * in pattern \"" + raw + "\": * must follow a stem of at least "
                        + MIN_STEM + " letters or digits");
            }
        }
        NormalizedText n = normalizer.normalize(raw.replace('*', ' '));
        if (n.tokenCount() == 0) {
            throw new PatternException("pattern \"" + raw
                    + "\" can never match: nothing is left after normalisation (only punctuation or invisible characters)");
        }
        boolean[] prefix = new boolean[n.tokenCount()];
        for (int star = raw.indexOf('*'); star >= 0; star = raw.indexOf('*', star + 1)) {
            int token = tokenEndingAt(n, star);
            if (token < 0) {
                throw new PatternException("bad * in pattern \"" + raw + "\": * must follow a stem of at least "
                        + MIN_STEM + " letters or digits");
            }
            if (n.tokenEnd(token) - n.tokenStart(token) < MIN_STEM) {
                throw new PatternException("bad * in pattern \"" + raw + "\": the stem before * must be at least "
                        + MIN_STEM + " characters");
            }
            prefix[token] = true;
        }
        List<CompiledPattern.Word> words = new ArrayList<>();
        String text = n.normalized();
        for (int t = 0; t < n.tokenCount(); t++) {
            words.add(new CompiledPattern.Word(text.substring(n.tokenStart(t), n.tokenEnd(t)), prefix[t]));
        }
        return new CompiledPattern(words);
    }

    private static int tokenEndingAt(NormalizedText n, int originalOffset) {
        for (int t = 0; t < n.tokenCount(); t++) {
            if (n.originalEnd(n.tokenEnd(t) - 1) == originalOffset) {
                return t;
            }
        }
        return -1;
    }
}
