package io.vigil.agent.helper.client;

import java.io.IOException;

/** The service would not take this helper; the message is the service's reason. */
public final class HelperRefusedException extends IOException {

    public HelperRefusedException(String reason) {
        super(reason);
    }
}
