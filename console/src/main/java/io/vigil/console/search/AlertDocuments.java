package io.vigil.console.search;

import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.StoredAlert;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * How an alert becomes a Lucene document. Only the row id is stored: the index answers "which alerts",
 * the database answers "what do they say", so the index never has to be trusted with content. Every inbox
 * filter is a field here, so filtering, ordering and paging all happen inside the index.
 */
final class AlertDocuments {

    static final String ROW_ID = "rowId";
    static final String SNIPPET = "snippet";
    static final String WINDOW = "window";
    static final String URL = "url";
    static final String USER = "user";
    static final String DEVICE = "device";
    /** The category's id and its name as a DSL types it ("suicide", "self harm", "Self-harm"). */
    static final String CATEGORY_TEXT = "categoryText";
    static final String[] TEXT_FIELDS = {SNIPPET, WINDOW, URL, USER, DEVICE, CATEGORY_TEXT};

    static final String CATEGORY = "category";
    static final String SCHOOL = "school";
    static final String STATUS = "status";
    static final String USER_EXACT = "userExact";
    static final String DEVICE_ID = "deviceId";
    static final String SEVERITY = "severity";
    static final String OCCURRED_AT = "occurredAt";

    private AlertDocuments() {
    }

    /** English stemming where pupils write prose ("cutting" finds "cut"); name parts for users and devices. */
    static Analyzer indexAnalyzer() {
        return analyzer(NamePartsAnalyzer.forIndexing());
    }

    /** As {@link #indexAnalyzer()}, but a typed name part is looked up as it is, not as its prefixes. */
    static Analyzer queryAnalyzer() {
        return analyzer(NamePartsAnalyzer.forQueries());
    }

    private static Analyzer analyzer(Analyzer names) {
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(SNIPPET, english, WINDOW, english,
                CATEGORY_TEXT, english, USER, names, DEVICE, names));
    }

    static Document toDocument(StoredAlert alert, CategoryCatalog categories) {
        Document doc = new Document();
        doc.add(new StringField(ROW_ID, Long.toString(alert.rowId()), Field.Store.NO));
        doc.add(new StoredField(ROW_ID, alert.rowId()));
        doc.add(new NumericDocValuesField(ROW_ID, alert.rowId()));
        doc.add(new TextField(SNIPPET, alert.snippet(), Field.Store.NO));
        doc.add(new TextField(WINDOW, alert.windowTitle(), Field.Store.NO));
        doc.add(new TextField(URL, alert.url(), Field.Store.NO));
        doc.add(new TextField(USER, alert.user(), Field.Store.NO));
        doc.add(new TextField(DEVICE, alert.deviceHostname() + " " + alert.deviceId(), Field.Store.NO));
        doc.add(new TextField(CATEGORY_TEXT, alert.category().replace('_', ' ') + " "
                + categories.nameOf(alert.category()), Field.Store.NO));
        doc.add(new StringField(CATEGORY, alert.category(), Field.Store.NO));
        doc.add(new LongPoint(SCHOOL, alert.schoolId()));
        doc.add(new StringField(STATUS, alert.status().id(), Field.Store.NO));
        doc.add(new StringField(USER_EXACT, alert.user(), Field.Store.NO));
        doc.add(new StringField(DEVICE_ID, alert.deviceId(), Field.Store.NO));
        doc.add(new IntPoint(SEVERITY, alert.severity()));
        doc.add(new NumericDocValuesField(SEVERITY, alert.severity()));
        long occurredAt = alert.occurredAt().toEpochMilli();
        doc.add(new LongPoint(OCCURRED_AT, occurredAt));
        doc.add(new NumericDocValuesField(OCCURRED_AT, occurredAt));
        return doc;
    }
}
