package io.vigil.console.lists;

import io.vigil.console.policy.SignedPolicy;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a device session needs from the lists side: the bundle due after Hello, and where reports go. */
public final class ListDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ListDelivery.class);
    private static final int MAX_ERROR_CHARS = 1000;

    private final KeywordListRepository lists;
    private final Clock clock;

    public ListDelivery(KeywordListRepository lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /** Records what the device runs and returns its school's bundle when the device runs another version. */
    public Optional<SignedPolicy> dueAfterHello(String deviceId, String runningVersion) {
        if (runningVersion != null && !runningVersion.isBlank()) {
            lists.recordRunning(deviceId, bounded(runningVersion, 80), clock.instant());
        }
        return lists.bundleForDevice(deviceId).filter(b -> !b.version().equals(runningVersion));
    }

    public void applied(String deviceId, String version, boolean ok, String error) {
        String bounded = bounded(error == null ? "" : error.replaceAll("[\\r\\n\\t]", " "), MAX_ERROR_CHARS);
        if (ok) {
            LOG.info("Device {} applied keyword lists {}", deviceId, version);
        } else {
            LOG.warn("Device {} refused keyword lists {}: {}", deviceId, version, bounded);
        }
        lists.recordApplied(deviceId, bounded(version, 80), ok, ok ? null : bounded, clock.instant());
    }

    private static String bounded(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
