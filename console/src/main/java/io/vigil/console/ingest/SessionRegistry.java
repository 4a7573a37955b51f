package io.vigil.console.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one open session of each device. A device whose network dropped reconnects before the console notices
 * the old stream is dead; the new session replaces the old one at once, so the device is never refused and
 * the two never acknowledge in an interleaved order.
 */
final class SessionRegistry {

    private final Map<String, AgentSession> open = new ConcurrentHashMap<>();

    /** Makes {@code session} the device's session and ends the one it replaces, if any. */
    void open(String deviceId, AgentSession session) {
        AgentSession previous = open.put(deviceId, session);
        if (previous != null && previous != session) {
            previous.replaced();
        }
    }

    void closed(String deviceId, AgentSession session) {
        open.remove(deviceId, session);
    }

    int size() {
        return open.size();
    }
}
