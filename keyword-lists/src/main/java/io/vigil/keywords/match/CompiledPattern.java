package io.vigil.keywords.match;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern after normalisation: its words, each possibly a prefix ({@code suicid*}).
 *
 * <p>The automaton works on literals. A pattern becomes one or more <em>forms</em>, each a sequence
 * of literals that must match in consecutive words. A prefix word ends a literal (its end is open),
 * so {@code "cut* my arm*"} is the two literals {@code cut…} and {@code my arm…}. A phrase without
 * inner prefixes also gets a joined form ({@code selfharm}) so it matches when typed as one word or
 * spelled out letter by letter.
 */
public record CompiledPattern(List<Word> words) {

    public record Word(String text, boolean prefix) {
    }

    /** One automaton literal; {@code open} means it may continue to the end of its word. */
    public record Literal(String text, boolean open) {
    }

    public CompiledPattern {
        words = List.copyOf(words);
    }

    public List<List<Literal>> forms() {
        List<List<Literal>> forms = new ArrayList<>();
        List<Literal> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Word w : words) {
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(w.text());
            if (w.prefix()) {
                segments.add(new Literal(current.toString(), true));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            segments.add(new Literal(current.toString(), false));
        }
        forms.add(List.copyOf(segments));
        if (words.size() > 1 && joinable()) {
            StringBuilder joined = new StringBuilder();
            words.forEach(w -> joined.append(w.text()));
            forms.add(List.of(new Literal(joined.toString(), words.getLast().prefix())));
        }
        return forms;
    }

    /**
     * The fewest words a match can span, as a {@code near} window counts them: one when the words
     * may also be written together ({@code selfharm}), otherwise one per word.
     */
    public int minWords() {
        return words.size() > 1 && joinable() ? 1 : words.size();
    }

    private boolean joinable() {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.prefix() && i < words.size() - 1) {
                return false;
            }
            if (!w.text().chars().allMatch(Character::isLetterOrDigit)) {
                return false;
            }
        }
        return true;
    }

    /** The normalised pattern as a readable string, {@code *} marking prefixes. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.text()).append(w.prefix() ? "*" : "");
        }
        return sb.toString();
    }
}
