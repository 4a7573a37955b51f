package io.vigil.console.ingest;

import io.vigil.console.policy.PolicyPush;
import io.vigil.console.policy.SignedPolicy;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device sessions open on this console node, by device id, so a publish can reach them at once. A device
 * whose session is on another node (or closed) gets the policy after its next Hello instead.
 */
public final class OpenSessions implements PolicyPush {

    private final Map<String, AgentSession> byDevice = new ConcurrentHashMap<>();

    void opened(String deviceId, AgentSession session) {
        byDevice.put(deviceId, session);
    }

    void closed(String deviceId, AgentSession session) {
        byDevice.remove(deviceId, session);
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
}
