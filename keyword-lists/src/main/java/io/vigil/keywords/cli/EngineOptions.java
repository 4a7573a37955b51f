package io.vigil.keywords.cli;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a command takes its lists from: a directory, a compiled bundle, or (default) the shipped lists. */
final class EngineOptions {

    @Option(names = "--lists", paramLabel = "DIR", description = "list directory (default: the lists shipped in this jar)")
    Path lists;

    @Option(names = "--bundle", paramLabel = "FILE", description = "compiled bundle instead of a list directory")
    Path bundle;

    KeywordEngine engine() throws ListValidationException {
        if (lists != null) {
            return KeywordEngine.load(lists);
        }
        if (bundle != null) {
            return KeywordEngine.loadBundle(bundle);
        }
        return KeywordEngine.bundled();
    }
}
