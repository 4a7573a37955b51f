package io.vigil.agent.match;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;

/** The production {@link TextScanner}: the shared keyword engine. */
public final class KeywordScanner implements TextScanner {

    private final KeywordEngine engine;
    private final String version;

    public KeywordScanner(KeywordEngine engine) {
        this.engine = engine;
        this.version = engine.version();
    }

    @Override
    public Verdict scan(String text) {
        return engine.scan(text);
    }

    @Override
    public Verdict scan(String text, io.vigil.keywords.Source source) {
        return engine.scan(text, source);
    }

    @Override
    public Verdict scan(String text, io.vigil.keywords.Source source, int thresholdPercent) {
        return engine.scan(text, source, thresholdPercent);
    }

    @Override
    public String version() {
        return version;
    }
}
