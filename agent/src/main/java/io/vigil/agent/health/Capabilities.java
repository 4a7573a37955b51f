package io.vigil.agent.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What this agent can do on this device, as reported to the console in Hello and every Heartbeat.
 *
 * @param available   capabilities that started, e.g. "capture.keyboard"
 * @param unavailable capabilities configured but not running, each with the reason in plain words
 */
public record Capabilities(List<String> available, Map<String, String> unavailable) {

    public Capabilities {
        available = List.copyOf(available);
        unavailable = Map.copyOf(unavailable);
    }

    public static Capabilities of(String... available) {
        return new Capabilities(List.of(available), Map.of());
    }

    /** A line for logs and the console: "capture.keyboard unavailable: no display". */
    public static String describe(String capability, String reason) {
        Objects.requireNonNull(reason);
        return capability + " unavailable: " + reason;
    }
}
