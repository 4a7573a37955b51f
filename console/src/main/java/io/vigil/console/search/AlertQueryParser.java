package io.vigil.console.search;

import io.vigil.console.domain.InvalidQueryException;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/** Turns the inbox's search box and filters into a Lucene query. */
final class AlertQueryParser {

    /** The inbox order: most severe first, then most recent. */
    static final Sort URGENT_FIRST = new Sort(
            new SortField(AlertDocuments.SEVERITY, SortField.Type.INT, true),
            new SortField(AlertDocuments.OCCURRED_AT, SortField.Type.LONG, true));

    private final Analyzer analyzer;

    AlertQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(String text, Optional<String> category, Optional<Integer> minSeverity) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(parseText(text), BooleanClause.Occur.MUST);
        category.ifPresent(c -> query.add(new TermQuery(new Term(AlertDocuments.CATEGORY, c)),
                BooleanClause.Occur.FILTER));
        minSeverity.ifPresent(s -> query.add(IntPoint.newRangeQuery(AlertDocuments.SEVERITY, s, 5),
                BooleanClause.Occur.FILTER));
        return query.build();
    }

    private Query parseText(String text) {
        // A parser per call: QueryParser is not thread-safe and is cheap to build.
        MultiFieldQueryParser parser = new MultiFieldQueryParser(AlertDocuments.TEXT_FIELDS, analyzer);
        // Each extra word narrows the inbox, which is what someone typing two words expects.
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidQueryException("cannot understand the search '" + text + "': " + firstLine(e));
        } catch (TooComplexToDeterminizeException e) {
            // A /regular expression/ in the search box is compiled while parsing; refuse ones too big to run.
            throw new InvalidQueryException("cannot understand the search '" + text
                    + "': the regular expression is too complex");
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        return message.replaceFirst("^Cannot parse '.*?': ", "").strip();
    }
}
