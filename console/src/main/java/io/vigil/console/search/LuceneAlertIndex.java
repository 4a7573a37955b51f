package io.vigil.console.search;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.StoredAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The alert search index in the data directory. Each commit records in its user data which console node the
 * index belongs to and how far a full build from the store has got, so a restart knows whether to continue
 * that build or only drain the node's outbox.
 */
public final class LuceneAlertIndex implements AutoCloseable {

    static final String NODE_ID = "vigil.nodeId";
    static final String SCAN_MARK = "vigil.scanMark";
    static final String SCAN_DONE = "vigil.scanDone";

    /** What the last commit says about this index's build. */
    public record BuildState(Optional<String> nodeId, long scanMark, boolean scanDone) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AlertQueryParser parser;
    private final CategoryCatalog categories;
    private final Map<String, String> commitData = new HashMap<>();

    private LuceneAlertIndex(Directory directory, IndexWriter writer, SearcherManager searchers, Analyzer queries,
                             CategoryCatalog categories) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.parser = new AlertQueryParser(queries);
        this.categories = categories;
        for (Map.Entry<String, String> e : writer.getLiveCommitData() == null ? List.<Map.Entry<String, String>>of()
                : writer.getLiveCommitData()) {
            commitData.put(e.getKey(), e.getValue());
        }
    }

    /** Opens the index, or creates an empty one when it is missing or unreadable (it is rebuilt from the store). */
    public static LuceneAlertIndex open(Path indexDir, CategoryCatalog categories) {
        return IndexOpener.open(indexDir, (dir, writer) -> new LuceneAlertIndex(dir, writer,
                new SearcherManager(writer, null), AlertDocuments.queryAnalyzer(), categories));
    }

    public synchronized BuildState buildState() {
        return new BuildState(Optional.ofNullable(commitData.get(NODE_ID)),
                Long.parseLong(commitData.getOrDefault(SCAN_MARK, "0")),
                Boolean.parseBoolean(commitData.getOrDefault(SCAN_DONE, "false")));
    }

    /** Drops every document and starts a full build for {@code nodeId}. */
    public synchronized void startBuild(String nodeId) {
        try {
            writer.deleteAll();
            commitData.clear();
            commitData.put(NODE_ID, nodeId);
            commitData.put(SCAN_MARK, "0");
            commitData.put(SCAN_DONE, "false");
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    /** Adds (or replaces) alerts found by the full build, recording how far it has got. */
    public synchronized void addScanned(List<StoredAlert> alerts, long scanMark) {
        commitData.put(SCAN_MARK, Long.toString(scanMark));
        add(alerts);
    }

    public synchronized void finishBuild() {
        commitData.put(SCAN_DONE, "true");
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    /** Adds (or replaces) the alerts, then commits and refreshes searchers. */
    public synchronized void add(List<StoredAlert> alerts) {
        try {
            for (StoredAlert alert : alerts) {
                writer.updateDocument(new Term(AlertDocuments.ROW_ID, Long.toString(alert.rowId())),
                        AlertDocuments.toDocument(alert, categories));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
        writer.commit();
        searchers.maybeRefresh();
    }

    /** The page the query asks for, with its exact number of matches; every filter runs inside the index. */
    public io.vigil.console.domain.AlertTextIndex.Hits search(AlertQuery request) {
        Query query = parser.parse(request);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = request.offset() + request.limit();
                ScoreDoc[] hits = searcher.search(query, wanted, AlertQueryParser.URGENT_FIRST).scoreDocs;
                long total = searcher.count(query);
                StoredFields stored = searcher.storedFields();
                List<Long> ids = new ArrayList<>(request.limit());
                for (int i = request.offset(); i < hits.length; i++) {
                    ids.add(stored.document(hits[i].doc).getField(AlertDocuments.ROW_ID).numericValue().longValue());
                }
                return new io.vigil.console.domain.AlertTextIndex.Hits(total, ids);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new InvalidQueryException("The search \"" + request.text().orElse("")
                        + "\" matches too many different words; make it more specific.");
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
