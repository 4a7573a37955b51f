package io.vigil.agent.match;

import io.vigil.keywords.Verdict;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scanner in force, replaced in one atomic step when the console's lists are applied. Each text is matched by
 * exactly one engine, old or new ({@link #snapshot}), so nothing is missed or matched twice during a swap, and
 * the alert names the version that matched it.
 */
public final class SwappableScanner implements TextScanner {

    private final AtomicReference<TextScanner> current;

    public SwappableScanner(TextScanner initial) {
        this.current = new AtomicReference<>(initial);
    }

    public void swap(TextScanner next) {
        current.set(next);
    }

    @Override
    public TextScanner snapshot() {
        return current.get();
    }

    @Override
    public Verdict scan(String text) {
        return current.get().scan(text);
    }

    @Override
    public Verdict scan(String text, io.vigil.keywords.Source source) {
        return current.get().scan(text, source);
    }

    @Override
    public Verdict scan(String text, io.vigil.keywords.Source source, int thresholdPercent) {
        return current.get().scan(text, source, thresholdPercent);
    }

    @Override
    public String version() {
        return current.get().version();
    }
}
