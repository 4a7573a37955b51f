package io.vigil.console.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Usernames and device names split into their parts ({@code demo.pupil}, {@code LAPTOP-7B}), so that a DSL
 * typing {@code pupil} or {@code amel} finds them. At index time each part is also stored as its prefixes
 * (two letters up), so a partial name matches without a slow wildcard query.
 */
final class NamePartsAnalyzer extends Analyzer {

    private static final int MIN_PREFIX = 2;
    private static final int MAX_PREFIX = 40;

    private final boolean prefixes;

    private NamePartsAnalyzer(boolean prefixes) {
        this.prefixes = prefixes;
    }

    static Analyzer forIndexing() {
        return new NamePartsAnalyzer(true);
    }

    static Analyzer forQueries() {
        return new NamePartsAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer parts = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
        TokenStream stream = new LowerCaseFilter(parts);
        if (prefixes) {
            stream = new EdgeNGramTokenFilter(stream, MIN_PREFIX, MAX_PREFIX, true);
        }
        return new TokenStreamComponents(parts, stream);
    }
}
