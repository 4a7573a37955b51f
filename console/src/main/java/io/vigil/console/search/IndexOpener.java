package io.vigil.console.search;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index directory, starting afresh when its files are unreadable. That is safe because the index
 * holds nothing that is not in the database: losing it costs a reindex, never an alert.
 */
final class IndexOpener {

    private static final Logger LOG = LoggerFactory.getLogger(IndexOpener.class);

    @FunctionalInterface
    interface Assembler<T> {
        T assemble(Directory directory, IndexWriter writer) throws IOException;
    }

    private IndexOpener() {
    }

    static <T> T open(Path indexDir, Assembler<T> assembler) {
        try {
            return tryOpen(indexDir, assembler);
        } catch (LockObtainFailedException e) {
            throw new ConsoleException("the search index " + indexDir + " is in use by another console process");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index {} is unreadable ({}); rebuilding it from the database", indexDir, e.toString());
            wipe(indexDir);
            try {
                return tryOpen(indexDir, assembler);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create the search index in " + indexDir, again);
            }
        }
    }

    private static <T> T tryOpen(Path indexDir, Assembler<T> assembler) throws IOException {
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(AlertDocuments.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(directory, config);
            return assembler.assemble(directory, writer);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                closeQuietly(writer);
            }
            closeQuietly(directory);
            throw e;
        }
    }

    private static void wipe(Path indexDir) {
        try (Stream<Path> files = Files.walk(indexDir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(indexDir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ConsoleException("cannot clear the unreadable search index " + indexDir + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already failing; the original exception is the one worth reporting.
        }
    }
}
