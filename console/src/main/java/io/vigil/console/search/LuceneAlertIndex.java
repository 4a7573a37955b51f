package io.vigil.console.search;

import io.vigil.console.domain.AlertTextIndex;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.StoredAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * The alert search index in the data directory. Each commit records in its user data the highest alert
 * row id it contains (the high-water mark), so a restart knows exactly which rows to add.
 */
public final class LuceneAlertIndex implements AlertTextIndex, AutoCloseable {

    static final String HIGH_WATER_MARK = "vigil.highWaterMark";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AlertQueryParser parser;

    private LuceneAlertIndex(Directory directory, IndexWriter writer, SearcherManager searchers, Analyzer analyzer) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.parser = new AlertQueryParser(analyzer);
    }

    /** Opens the index, or creates an empty one when it is missing or unreadable (it is rebuilt from H2). */
    public static LuceneAlertIndex open(Path indexDir) {
        return IndexOpener.open(indexDir, (dir, writer, analyzer) -> {
            SearcherManager searchers = new SearcherManager(writer, null);
            return new LuceneAlertIndex(dir, writer, searchers, analyzer);
        });
    }

    public long highWaterMark() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (HIGH_WATER_MARK.equals(e.getKey())) {
                return Long.parseLong(e.getValue());
            }
        }
        return 0;
    }

    /** Adds (or replaces) the alerts, then commits with the new high-water mark and refreshes searchers. */
    public synchronized void add(List<StoredAlert> alerts, long highWaterMark) {
        try {
            for (StoredAlert alert : alerts) {
                writer.updateDocument(new Term(AlertDocuments.ROW_ID, Long.toString(alert.rowId())),
                        AlertDocuments.toDocument(alert));
            }
            commit(highWaterMark);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    /** Drops every document, e.g. when the index is ahead of a database restored from backup. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            commit(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    private void commit(long highWaterMark) throws IOException {
        writer.setLiveCommitData(Map.of(HIGH_WATER_MARK, Long.toString(highWaterMark)).entrySet());
        writer.commit();
        searchers.maybeRefresh();
    }

    @Override
    public List<Long> search(String text, Optional<String> category, Optional<Integer> minSeverity, int max) {
        Query query = parser.parse(text, category, minSeverity);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] hits = searcher.search(query, max, AlertQueryParser.URGENT_FIRST).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<Long> ids = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    ids.add(stored.document(hit.doc).getField(AlertDocuments.ROW_ID).numericValue().longValue());
                }
                return ids;
            } catch (IndexSearcher.TooManyClauses e) {
                throw new InvalidQueryException("the search '" + text + "' matches too many words; be more specific");
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
