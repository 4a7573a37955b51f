package io.vigil.agent.transport;

import io.vigil.agent.health.Capabilities;
import io.vigil.agent.platform.DeviceFacts;
import java.util.function.Supplier;

/**
 * Who the device is, for the session's metadata and Hello.
 *
 * @param capabilities what this agent can do here ("capture.keyboard"), and what it cannot and why; the
 *                     console sends only what is listed and shows what is missing; asked at each Hello
 *                     and Heartbeat, as some come and go while the agent runs ({@code filter.in_path})
 */
public record SessionIdentity(String deviceId, String deviceCredential, String user, DeviceFacts facts,
                              String listVersion, Supplier<Capabilities> capabilities) {

    @Override
    public String toString() {
        return "SessionIdentity[deviceId=" + deviceId + ", user=" + user + ", listVersion=" + listVersion + "]";
    }
}
