package io.vigil.agent;

import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.helper.lists.PublishedLists;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.agent.match.TextScanner;
import io.vigil.agent.signing.KeywordListsTarget;
import io.vigil.agent.signing.PolicyRefusedException;
import io.vigil.agent.signing.PolicyTarget;
import io.vigil.keywords.Verdict;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the service's composition root: keyword lists the console pushed, handed on to the session helpers
 * that match with them. As a {@link PolicyTarget} it takes a verified bundle, checks the lists as a helper will
 * (so a bundle no helper could load is refused to the console here), writes it for helpers and announces it.
 * It also keeps what each helper says it matches with: that, not the jar's version, goes to the console in
 * Hello and heartbeats, and a helper that could not load the announced lists is shown as a problem.
 */
final class HelperLists implements PolicyTarget {

    private static final Logger log = LoggerFactory.getLogger(HelperLists.class);
    /** The capability a helper's failure to load announced lists is reported under (device page, problems). */
    static final String CAPABILITY = "lists.helper";

    private final PublishedLists published;
    private final String bundled;
    private final CapabilityBoard board;
    private final Map<String, String> inUse = new ConcurrentHashMap<>();
    private volatile Consumer<HelperMessage.ListsChanged> announce = changed -> { };

    /** @param bundled the version of the lists in the jar, which helpers use until a bundle is announced */
    HelperLists(PublishedLists published, String bundled, CapabilityBoard board) {
        this.published = published;
        this.bundled = bundled;
        this.board = board;
    }

    /** The helper server, once it exists (the last good bundle is published before it starts). */
    void announceTo(Consumer<HelperMessage.ListsChanged> helpers) {
        this.announce = helpers;
    }

    @Override
    public void apply(String version, byte[] document) throws PolicyRefusedException {
        // Validates the lists and their content hash exactly as a helper's ListsFile will; the engine is dropped.
        new KeywordListsTarget(new SwappableScanner(NOT_LOADED)).apply(version, document);
        HelperMessage.ListsChanged changed;
        try {
            changed = published.publish(version, document);
        } catch (IOException e) {
            throw new PolicyRefusedException("keyword lists " + version + " cannot be written for the session "
                    + "helpers in " + published.directory() + ": " + e.getMessage());
        }
        announce.accept(changed);
    }

    Optional<HelperMessage.ListsChanged> current() {
        return published.current();
    }

    void listsInUse(String user, String version, String problem) {
        inUse.put(user, version);
        if (problem.isEmpty()) {
            log.info("the session helper of '{}' matches with keyword lists {}", user, version);
            board.update(CAPABILITY, Optional.empty());
        } else {
            log.error("the session helper of '{}' still matches with keyword lists {}: {}", user, version, problem);
            board.update(CAPABILITY, Optional.of(problem));
        }
    }

    void disconnected(String user) {
        inUse.remove(user);
    }

    /**
     * For Hello and heartbeats: with no helper connected, the lists any helper will load on connecting; else a
     * helper's version that is not the one in force, if any (the console must see a device that is behind).
     */
    String reported() {
        String expected = published.current().map(HelperMessage.ListsChanged::version).orElse(bundled);
        return inUse.values().stream().filter(v -> !v.equals(expected)).findFirst().orElse(expected);
    }

    /** Never asked to match: it only seeds the scanner a bundle is validated into. */
    private static final TextScanner NOT_LOADED = new TextScanner() {
        @Override
        public Verdict scan(String text) {
            throw new IllegalStateException("validation only");
        }

        @Override
        public String version() {
            return "";
        }
    };
}
