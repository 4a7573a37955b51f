package io.vigil.agent.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which users have accepted which notice versions on this device: one line per acceptance
 * ({@code user<TAB>version<TAB>time}) in the agent's state directory, rewritten atomically. It only decides
 * whether to ask again; the school's record is the NoticeAcceptance the console keeps.
 */
public final class AcceptanceLog {

    private final Path file;
    private final Map<String, Instant> accepted = new LinkedHashMap<>();

    private AcceptanceLog(Path file) {
        this.file = file;
    }

    /** Reads the log; a missing file is an empty log. Lines it cannot read are skipped (worst case: ask again). */
    public static AcceptanceLog open(Path file) {
        AcceptanceLog log = new AcceptanceLog(file);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 3) {
                        try {
                            log.accepted.put(key(f[0], f[1]), Instant.parse(f[2]));
                        } catch (java.time.DateTimeException ignored) {
                            // a damaged line: that user is asked again
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return log;
    }

    public synchronized boolean hasAccepted(String user, String version) {
        return accepted.containsKey(key(user, version));
    }

    public synchronized void record(String user, String version, Instant at) {
        accepted.putIfAbsent(key(user, version), at);
        write();
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        accepted.forEach((k, at) -> text.append(k).append('\t').append(at).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".notice-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Tabs and newlines cannot occur in usernames or versions we write; they are replaced to keep lines whole. */
    private static String key(String user, String version) {
        return String.join("\t", List.of(clean(user), clean(version)));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
