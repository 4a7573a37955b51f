package io.vigil.agent.tamper;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.TamperEventRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports tampering: every event goes to the spool as a {@link TamperEventRecord} for IT. When events repeat
 * ({@code threshold} within {@code window}) a normal alert of category {@value #CATEGORY}, severity
 * {@value #SEVERITY} is raised too, because schools treat repeated circumvention as a safeguarding signal
 * the DSL should see. That alert says what was tampered with and how often, and holds no pupil words: nothing
 * the pupil typed or viewed caused it, and the DSL's inbox must not become a second copy of the IT log.
 * One such alert per window, so a pupil killing the helper in a loop raises one, not hundreds.
 *
 * <p>The count lives in memory: a restart of the service (which needs an administrator) starts it afresh.
 */
public final class TamperReporter {

    static final String CATEGORY = "filter_bypass";
    static final int SEVERITY = 3;
    private static final Logger log = LoggerFactory.getLogger(TamperReporter.class);

    private final Consumer<DeviceRecord> sink;
    private final Supplier<String> currentUser;
    private final InstantSource clock;
    private final int threshold;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lastDslAlert = Instant.MIN;

    public TamperReporter(Consumer<DeviceRecord> sink, Supplier<String> currentUser, InstantSource clock,
                          int threshold, Duration window) {
        this.sink = sink;
        this.currentUser = currentUser;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    /** @param user the user it concerns, or null for the current session user */
    public synchronized void report(TamperEventRecord.Kind kind, String detail, String user) {
        Instant now = clock.instant();
        String who = user != null ? user : currentUser.get();
        log.warn("tamper event {}: {}", kind.wireName(), detail);
        sink.accept(TamperEventRecord.of(kind, detail, who, now));
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= threshold && lastDslAlert.isBefore(now.minus(window))) {
            lastDslAlert = now;
            String snippet = "Monitoring on this device was tampered with " + recent.size() + " times in "
                    + window.toHours() + " h (latest: " + kind.wireName().replace('_', ' ') + "). See the device's "
                    + "tamper events.";
            log.warn("repeated tampering: {} events within {}; raising a {} alert", recent.size(), window, CATEGORY);
            sink.accept(new AlertRecord(UUID.randomUUID(), CATEGORY, SEVERITY, 0, List.of("tamper.repeated"),
                    snippet, "vigil-agent", "", "", who, now, "tamper", ""));
        }
    }
}
