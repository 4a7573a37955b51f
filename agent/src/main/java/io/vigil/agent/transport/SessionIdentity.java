package io.vigil.agent.transport;

import io.vigil.agent.platform.DeviceFacts;
import java.util.List;

/**
 * Who the device is, for the session's metadata and Hello.
 *
 * @param capabilities what this agent can do, e.g. "capture.replay"; the console sends only what is listed
 */
public record SessionIdentity(String deviceId, String deviceCredential, String user, DeviceFacts facts,
                              String listVersion, List<String> capabilities) {

    public SessionIdentity {
        capabilities = List.copyOf(capabilities);
    }

    @Override
    public String toString() {
        return "SessionIdentity[deviceId=" + deviceId + ", user=" + user + ", listVersion=" + listVersion + "]";
    }
}
