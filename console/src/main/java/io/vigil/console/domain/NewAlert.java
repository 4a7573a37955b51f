package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;

/** An alert as received from a device, already validated by {@link AlertValidator}. */
public record NewAlert(String uuid, String deviceId, long sequence, String category, int severity, int score,
                       List<String> ruleIds, String snippet, String app, String windowTitle, String url,
                       String user, Instant occurredAt, String source, String listVersion) {

    public NewAlert {
        ruleIds = List.copyOf(ruleIds);
    }
}
