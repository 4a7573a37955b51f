package io.vigil.agent.helper.lists;

import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helper side: loads the bundle the service announced into the helper's matcher. The file's bytes must hash
 * to what the service said (a file swapped under the name, or cut short, is refused); the lists are then
 * validated and checked against the announced version exactly as the service checked them, and swapped in
 * one step. Whatever fails, the lists in force stay and the answer says why. It uses nothing of
 * {@code agent.signing}: the helper holds no pinned key, and the service checked the signature before announcing.
 */
public final class ListsFile {

    private static final Logger log = LoggerFactory.getLogger(ListsFile.class);
    /** A real list set is about 1 MB; a file far bigger is not one, and the helper must not read it whole. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Path dir;
    private final SwappableScanner scanner;

    public ListsFile(Path dir, SwappableScanner scanner) {
        this.dir = dir;
        this.scanner = scanner;
    }

    /** {@code sha256:<hex>} of a bundle file, as the service announces it. */
    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @return the answer for the service: the version matched with now, and the problem if not the announced one */
    public HelperMessage.ListsInUse load(HelperMessage.ListsChanged announced) {
        String before = scanner.version();
        if (announced.version().equals(before)) {
            return new HelperMessage.ListsInUse(before, "");
        }
        try {
            byte[] bundle = read(PublishedLists.fileFor(dir, announced.sha256()));
            String actual = sha256(bundle);
            if (!actual.equals(announced.sha256())) {
                throw new IOException("the bundle file hashes to " + actual + ", not the " + announced.sha256()
                        + " the service announced");
            }
            KeywordEngine engine = KeywordEngine.fromBundle(bundle);
            if (!engine.version().equals(announced.version())) {
                throw new IOException("content hash " + engine.version() + " does not match the version "
                        + announced.version() + " announced");
            }
            scanner.swap(new KeywordScanner(engine));
        } catch (ListValidationException e) {
            return refused(announced, before, "invalid lists: " + String.join("; ", e.problems()));
        } catch (IOException | RuntimeException e) {
            return refused(announced, before, describe(e));
        }
        log.info("keyword lists {} in use (announced by the service)", announced.version());
        return new HelperMessage.ListsInUse(announced.version(), "");
    }

    private static HelperMessage.ListsInUse refused(HelperMessage.ListsChanged announced, String before, String why) {
        String problem = "keyword lists " + announced.version() + " not loaded: " + why;
        log.error("{}; still matching with {}", problem, before);
        return new HelperMessage.ListsInUse(before, cut(problem));
    }

    private static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + size + " bytes, more than any list set");
        }
        return Files.readAllBytes(file);
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no file " + e.getMessage() + " (replaced by a newer bundle?)"
                : e.getMessage();
    }

    private static String cut(String s) {
        int max = io.vigil.agent.helper.wire.HelperCodec.MAX_REASON;
        return s.length() > max ? s.substring(0, max) : s;
    }
}
