package io.vigil.agent.testing;

import io.vigil.agent.alert.AlertRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sample alerts for tests. */
public final class Alerts {

    private Alerts() {
    }

    public static AlertRecord sample() {
        return sample("self_harm");
    }

    public static AlertRecord sample(String category) {
        return new AlertRecord(UUID.randomUUID(), category, 4, 9, List.of("sh-001", "sh-007"),
                "…I want to hurt myself…", "replay", "Year 9 chat", "", "j.smith",
                Instant.parse("2026-11-23T09:15:30.123456789Z"), "replay", "sha256:abc");
    }
}
