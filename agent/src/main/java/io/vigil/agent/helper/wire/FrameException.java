package io.vigil.agent.helper.wire;

import java.io.IOException;

/** A frame that breaks the channel's rules (too big, unknown type, a field too long); the connection is closed. */
public final class FrameException extends IOException {

    public FrameException(String message) {
        super(message);
    }
}
