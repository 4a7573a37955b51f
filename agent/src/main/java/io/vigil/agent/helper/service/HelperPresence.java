package io.vigil.agent.helper.service;

import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.helper.wire.HelperMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a session helper is there, as the console sees it: capability {@value #CAPABILITY} and the capture
 * capabilities the helper reported. No helper within the grace period (not started at log-on, or stopped and
 * not back) makes them unavailable with the reason in words; a helper that vanishes without saying goodbye
 * was killed or crashed, which is reported as tampering.
 */
public final class HelperPresence implements HelperListener {

    public static final String CAPABILITY = "helper.session";
    private static final Logger log = LoggerFactory.getLogger(HelperPresence.class);

    private final CapabilityBoard board;
    private final long graceNanos;
    private final LongSupplier nanos;
    private final BiConsumer<String, String> tamper;
    private final Set<String> connected = new HashSet<>();
    private final Set<String> helperCapabilities = new LinkedHashSet<>();
    private long goneSince;
    private boolean missingReported;

    /** @param tamper called with the user and what happened when a helper vanished */
    public HelperPresence(CapabilityBoard board, Duration grace, LongSupplier nanos, BiConsumer<String, String> tamper) {
        this.board = board;
        this.graceNanos = grace.toNanos();
        this.nanos = nanos;
        this.tamper = tamper;
        this.goneSince = nanos.getAsLong();
    }

    @Override
    public synchronized void connected(String user) {
        connected.add(user);
        missingReported = false;
        board.update(CAPABILITY, Optional.empty());
    }

    @Override
    public synchronized void capabilities(String user, HelperMessage.Capabilities capabilities) {
        capabilities.available().forEach(c -> {
            helperCapabilities.add(c);
            board.update(c, Optional.empty());
        });
        for (Map.Entry<String, String> e : capabilities.unavailable().entrySet()) {
            helperCapabilities.add(e.getKey());
            board.update(e.getKey(), Optional.of(e.getValue()));
        }
    }

    /** Presence is about helpers coming and going; the service's composition root records acceptances. */
    @Override
    public void noticeAccepted(String user, String version) {
    }

    @Override
    public void disconnected(String user, boolean saidGoodbye) {
        if (!saidGoodbye) {
            log.warn("the session helper of '{}' vanished without saying goodbye (killed or crashed)", user);
            tamper.accept(user, "the session helper of '" + user + "' stopped without saying goodbye (killed?)");
        }
        synchronized (this) {
            connected.remove(user);
            if (connected.isEmpty()) {
                goneSince = nanos.getAsLong();
                String why = saidGoodbye ? "the session helper of '" + user + "' stopped"
                        : "the session helper of '" + user + "' was stopped without saying goodbye";
                markMissing(why);
            }
        }
    }

    /** Called every few seconds: reports a helper that never came, or did not come back, within the grace period. */
    public synchronized void check() {
        if (connected.isEmpty() && !missingReported && nanos.getAsLong() - goneSince >= graceNanos) {
            long seconds = Duration.ofNanos(graceNanos).toSeconds();
            log.warn("no session helper connected for {} s: keyboard, window and screenshot capture are off", seconds);
            markMissing("no session helper connected for " + seconds + " s");
            missingReported = true;
        }
    }

    public synchronized boolean anyConnected() {
        return !connected.isEmpty();
    }

    private void markMissing(String why) {
        board.update(CAPABILITY, Optional.of(why));
        helperCapabilities.forEach(c -> board.update(c, Optional.of("no session helper: " + why)));
    }
}
