package io.vigil.keywords;

import java.nio.file.Path;

/**
 * The public face of the keyword engine, used by the agent (to raise alerts) and the console (to
 * validate and distribute lists). Immutable and thread-safe: build once, scan from any thread.
 *
 * <p>This signature is a contract between modules; change it only together with its callers.
 */
public final class KeywordEngine {

    /** The lists shipped inside this jar. */
    public static KeywordEngine bundled() {
        throw new IllegalStateException("engine not built yet");
    }

    /**
     * Lists from a directory in the documented format (see keyword-lists/FORMAT.md).
     *
     * @throws ListValidationException naming file, line and problem for every bad rule
     */
    public static KeywordEngine load(Path listDirectory) throws ListValidationException {
        throw new IllegalStateException("engine not built yet");
    }

    /** Content hash of the compiled list set, {@code sha256:<hex>}; identical lists give identical versions. */
    public String version() {
        throw new IllegalStateException("engine not built yet");
    }

    /** Scans one piece of text (a typed line, a window title, a domain). Never returns null. */
    public Verdict scan(String text) {
        throw new IllegalStateException("engine not built yet");
    }
}
