package io.vigil.agent.tamper;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when watched files change content: the kernel's file events (WatchService on each file's
 * directory) wake it at once, and {@link #rescan()}, called periodically, catches what they cannot see (a
 * symlink's target changing, as /etc/resolv.conf often is one, or a directory that did not exist at start).
 * A change is a different SHA-256 of the content, or the file appearing or vanishing: an editor touching a
 * file without changing it, or one save raising several events, reports nothing or once.
 */
public final class FileChangeWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileChangeWatch.class);
    static final String ABSENT = "absent";
    /** Quiet time after the last file event before the files are compared. */
    private static final java.time.Duration SETTLE = java.time.Duration.ofMillis(250);

    private final Map<Path, String> fingerprints = new LinkedHashMap<>();
    private final Consumer<Path> changed;
    private final WatchService watcher;
    private final Thread thread;

    /** @param changed called with the path whose content changed, on the watch thread */
    public FileChangeWatch(Iterable<Path> files, Consumer<Path> changed) throws IOException {
        this.changed = changed;
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            fingerprints.put(file, fingerprint(file));
            try {
                file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            } catch (NoSuchFileException e) {
                log.info("{} does not exist yet; {} is checked by polling only", file.getParent(), file);
            }
        }
        this.thread = Thread.ofPlatform().name("vigil-tamper-watch").daemon().start(this::loop);
        log.info("watching for changes: {}", fingerprints.keySet());
    }

    private void loop() {
        try {
            while (true) {
                // Which entry changed does not matter: every watched file is compared. A save is often several
                // writes (truncate, then write): the burst is let settle first, so a half-written file is never
                // fingerprinted and one save is reported once, not as "emptied" and then "changed".
                WatchKey key = watcher.take();
                do {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(SETTLE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } while (key != null);
                rescan();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    /** Compares every watched file with what it held before; reports each one that changed. */
    public void rescan() {
        Map<Path, String> now = new LinkedHashMap<>();
        synchronized (fingerprints) {
            for (Map.Entry<Path, String> e : fingerprints.entrySet()) {
                String current = fingerprint(e.getKey());
                if (!Objects.equals(current, e.getValue())) {
                    now.put(e.getKey(), current);
                }
            }
            fingerprints.putAll(now);
        }
        now.keySet().forEach(changed);
    }

    static String fingerprint(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("closing the watch service: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
