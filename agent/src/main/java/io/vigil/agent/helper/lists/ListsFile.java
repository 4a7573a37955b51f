package io.vigil.agent.helper.lists;

import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.agent.signing.KeywordListsTarget;
import io.vigil.agent.signing.PolicyRefusedException;
import io.vigil.agent.signing.PolicyVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helper side: loads the bundle the service announced into the helper's matcher. The file's bytes must hash
 * to what the service said (a file swapped under the name, or cut short, is refused); the lists are then
 * validated and checked against the announced version exactly as the service checked them, and swapped in
 * one step. Whatever fails, the lists in force stay and the answer says why.
 */
public final class ListsFile {

    private static final Logger log = LoggerFactory.getLogger(ListsFile.class);
    /** A real list set is about 1 MB; a file far bigger is not one, and the helper must not read it whole. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Path dir;
    private final SwappableScanner scanner;
    private final KeywordListsTarget target;

    public ListsFile(Path dir, SwappableScanner scanner) {
        this.dir = dir;
        this.scanner = scanner;
        this.target = new KeywordListsTarget(scanner);
    }

    /** @return the answer for the service: the version matched with now, and the problem if not the announced one */
    public HelperMessage.ListsInUse load(HelperMessage.ListsChanged announced) {
        String before = scanner.version();
        if (announced.version().equals(before)) {
            return new HelperMessage.ListsInUse(before, "");
        }
        try {
            byte[] bundle = read(PublishedLists.fileFor(dir, announced.sha256()));
            String actual = PolicyVerifier.versionOf(bundle);
            if (!actual.equals(announced.sha256())) {
                throw new PolicyRefusedException("the bundle file hashes to " + actual + ", not the "
                        + announced.sha256() + " the service announced");
            }
            target.apply(announced.version(), bundle);
        } catch (PolicyRefusedException | IOException | RuntimeException e) {
            String problem = "keyword lists " + announced.version() + " not loaded: " + describe(e);
            log.error("{}; still matching with {}", problem, before);
            return new HelperMessage.ListsInUse(before, cut(problem));
        }
        log.info("keyword lists {} in use (announced by the service)", announced.version());
        return new HelperMessage.ListsInUse(announced.version(), "");
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
