package io.vigil.console.search;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.InvalidQueryException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/** Turns the inbox's search box and filters into a Lucene query; the reader's scope is always a filter. */
final class AlertQueryParser {

    /** The inbox order: most severe first, then most recent, then last stored (a stable order for paging). */
    static final Sort URGENT_FIRST = new Sort(
            new SortField(AlertDocuments.SEVERITY, SortField.Type.INT, true),
            new SortField(AlertDocuments.OCCURRED_AT, SortField.Type.LONG, true),
            new SortField(AlertDocuments.ROW_ID, SortField.Type.LONG, true));

    private static final String HOW_TO_SEARCH = "Search for words, for example: cut myself. Put a phrase in"
            + " quotes (\"after school\"), and end a word with * to match its start (bull*).";

    private final Analyzer analyzer;

    AlertQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(AlertQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(query.text().map(this::parseText).orElseGet(MatchAllDocsQuery::new), BooleanClause.Occur.MUST);
        builder.add(LongPoint.newSetQuery(AlertDocuments.SCHOOL, query.scope().ids()), BooleanClause.Occur.FILTER);
        query.category().ifPresent(c -> filter(builder, AlertDocuments.CATEGORY, c));
        query.status().ifPresent(s -> filter(builder, AlertDocuments.STATUS, s.id()));
        query.user().ifPresent(u -> filter(builder, AlertDocuments.USER_EXACT, u));
        query.device().ifPresent(d -> filter(builder, AlertDocuments.DEVICE_ID, d));
        query.minSeverity().ifPresent(s -> builder.add(IntPoint.newRangeQuery(AlertDocuments.SEVERITY, s, 5),
                BooleanClause.Occur.FILTER));
        if (query.from().isPresent() || query.to().isPresent()) {
            long from = query.from().map(i -> i.toEpochMilli()).orElse(Long.MIN_VALUE);
            long to = query.to().map(i -> i.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            builder.add(LongPoint.newRangeQuery(AlertDocuments.OCCURRED_AT, from, to), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private static void filter(BooleanQuery.Builder builder, String field, String value) {
        builder.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }

    private Query parseText(String text) {
        // A parser per call: QueryParser is not thread-safe and is cheap to build.
        MultiFieldQueryParser parser = new MultiFieldQueryParser(AlertDocuments.TEXT_FIELDS, analyzer);
        // Each extra word narrows the inbox, which is what someone typing two words expects.
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidQueryException("Vigil could not understand the search \"" + text + "\"" + hint(text)
                    + ". " + HOW_TO_SEARCH);
        } catch (TooComplexToDeterminizeException e) {
            // A /regular expression/ in the search box is compiled while parsing; refuse ones too big to run.
            throw new InvalidQueryException("The search \"" + text + "\" is too complex to run. " + HOW_TO_SEARCH);
        }
    }

    /** The usual slips, named in plain words instead of the parser's grammar dump. */
    private static String hint(String text) {
        if (text.chars().filter(c -> c == '"').count() % 2 == 1) {
            return ": a quotation mark is not closed";
        }
        long open = text.chars().filter(c -> c == '(').count();
        if (open != text.chars().filter(c -> c == ')').count()) {
            return ": brackets do not pair up";
        }
        if (text.startsWith("*") || text.startsWith("?")) {
            return ": a search cannot start with * or ?";
        }
        String upper = text.strip();
        if (upper.endsWith(" AND") || upper.endsWith(" OR") || upper.endsWith(" NOT") || upper.equals("AND")
                || upper.equals("OR") || upper.equals("NOT")) {
            return ": AND, OR and NOT need a word after them";
        }
        return "";
    }
}
