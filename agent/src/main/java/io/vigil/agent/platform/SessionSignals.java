package io.vigil.agent.platform;

import io.vigil.agent.capture.session.DesktopSession;
import io.vigil.agent.capture.session.SecretInputSignal;
import java.util.List;

/**
 * What this platform offers to tell who is signed in, whether the screen is locked and whether keys go into
 * a password field; closing releases native connections (the X11 display).
 */
public record SessionSignals(DesktopSession session, SecretInputSignal secretInput, List<AutoCloseable> resources)
        implements AutoCloseable {

    public SessionSignals {
        resources = List.copyOf(resources);
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // Shutting down: nothing more to do with a connection that will not close.
            }
        }
    }
}
