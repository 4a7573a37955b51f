package io.vigil.console.ingest;

import io.vigil.console.lists.ListDelivery;
import io.vigil.console.lists.ListPush;
import io.vigil.console.fleet.SessionCutter;
import io.vigil.console.policy.PolicyPush;
import io.vigil.console.policy.SignedPolicy;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one open session of each device on this console node, by device id, so a publish can reach it at once.
 * A device whose session is on another node (or closed) gets the policy after its next Hello instead. A device
 * whose network dropped reconnects before the console notices the old stream is dead; the new session replaces
 * the old one at once, so the device is never refused and the two never acknowledge in an interleaved order.
 */
public final class OpenSessions implements PolicyPush, ListPush, SessionCutter {

    private final Map<String, AgentSession> byDevice = new ConcurrentHashMap<>();
    private final Optional<ListDelivery> lists;

    /** Without keyword-list delivery: tests of the session protocol alone. */
    public OpenSessions() {
        this.lists = Optional.empty();
    }

    /** Sessions that also deliver keyword-list bundles after Hello and record what devices report. */
    public OpenSessions(ListDelivery lists) {
        this.lists = Optional.of(lists);
    }

    Optional<ListDelivery> lists() {
        return lists;
    }

    /** Makes {@code session} the device's session and ends the one it replaces, if any. */
    void opened(String deviceId, AgentSession session) {
        AgentSession previous = byDevice.put(deviceId, session);
        if (previous != null && previous != session) {
            previous.replaced();
        }
    }

    int size() {
        return byDevice.size();
    }

    void closed(String deviceId, AgentSession session) {
        byDevice.remove(deviceId, session);
    }

    @Override
    public boolean cut(String deviceId, String reason) {
        AgentSession session = byDevice.get(deviceId);
        return session != null && session.revoked(reason);
    }

    @Override
    public int push(Collection<String> deviceIds, SignedPolicy policy) {
        int sent = 0;
        for (String deviceId : deviceIds) {
            AgentSession session = byDevice.get(deviceId);
            if (session != null && session.sendPolicy(policy)) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public int pushLists(Collection<String> deviceIds, SignedPolicy bundle) {
        int sent = 0;
        for (String deviceId : deviceIds) {
            AgentSession session = byDevice.get(deviceId);
            if (session != null && session.sendLists(bundle)) {
                sent++;
            }
        }
        return sent;
    }
}
