package io.vigil.agent.signing;

import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;

/**
 * Where a verified keyword-list bundle goes: read (its header's content hash checked against its payload),
 * validated as a whole like any list set, checked against the version the console claimed, then swapped into
 * the matcher atomically. A bundle that fails any step is refused and the running lists stay.
 */
public final class KeywordListsTarget implements PolicyTarget {

    private final SwappableScanner scanner;

    public KeywordListsTarget(SwappableScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public void apply(String version, byte[] document) throws PolicyRefusedException {
        KeywordEngine engine;
        try {
            engine = KeywordEngine.fromBundle(document);
        } catch (ListValidationException e) {
            throw new PolicyRefusedException("keyword lists " + version + " refused: " + String.join("; ", e.problems()));
        } catch (RuntimeException e) {
            throw new PolicyRefusedException("keyword lists " + version + " unreadable: " + e.getMessage());
        }
        if (!engine.version().equals(version)) {
            throw new PolicyRefusedException("content hash " + engine.version() + " does not match the version "
                    + version + " it claims");
        }
        scanner.swap(new KeywordScanner(engine));
    }
}
