package io.vigil.agent.filter.dns;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks again and again whether the OS still resolves through the filter, and reports only changes: a laptop
 * that joins another network may be handed a resolver that bypasses the filter, and one that is fixed should
 * stop showing "filter not in path" on the console. The caller decides when to ask (a timer, a network change).
 */
public final class InPathMonitor {

    private static final Logger log = LoggerFactory.getLogger(InPathMonitor.class);

    private final Supplier<Optional<String>> check;
    private final BiConsumer<String, Optional<String>> report;
    private Optional<String> last;

    /**
     * @param check  empty when in the path, else why not ({@link InPathCheck#problem()})
     * @param atStart what was reported at start, so an unchanged answer is not reported again
     * @param report told {@code (InPathCheck.CAPABILITY, problem)} on each change
     */
    public InPathMonitor(Supplier<Optional<String>> check, Optional<String> atStart,
                         BiConsumer<String, Optional<String>> report) {
        this.check = Objects.requireNonNull(check);
        this.last = Objects.requireNonNull(atStart);
        this.report = Objects.requireNonNull(report);
    }

    public synchronized void recheck() {
        Optional<String> now;
        try {
            now = check.get();
        } catch (RuntimeException e) {
            now = Optional.of("in-path check failed: " + e); // cannot tell: not claimed to be filtered
        }
        if (now.equals(last)) {
            return;
        }
        last = now;
        now.ifPresentOrElse(
                reason -> log.warn("the web filter is no longer in the DNS path: {}", reason),
                () -> log.info("the web filter is in the DNS path again"));
        report.accept(InPathCheck.CAPABILITY, now);
    }
}
