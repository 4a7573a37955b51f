package io.vigil.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a device's agent says it can do, and what it cannot and why ("capture.keyboard" unavailable:
 * "no display"). A device that cannot capture keyboard text is only partly monitored; the IT
 * administrator must be able to see that in the device list.
 */
public record DeviceCapabilities(List<String> available, Map<String, String> unavailable) {

    public static final DeviceCapabilities NONE = new DeviceCapabilities(List.of(), Map.of());
    private static final int MAX_ENTRIES = 20;

    public DeviceCapabilities {
        available = available.stream().limit(MAX_ENTRIES).map(c -> Text.bounded(c, 100)).toList();
        TreeMap<String, String> bounded = new TreeMap<>();
        unavailable.entrySet().stream().limit(MAX_ENTRIES)
                .forEach(e -> bounded.put(Text.bounded(e.getKey(), 100), Text.bounded(e.getValue(), 180)));
        unavailable = java.util.Collections.unmodifiableMap(bounded);
    }

    /**
     * Lines for people: "keyboard capture unavailable: no display (DISPLAY is not set)". The filter being out of
     * the DNS path is not a part that failed to start but a device that is not filtered, so it says that.
     */
    public List<String> problems() {
        List<String> lines = new ArrayList<>();
        unavailable.forEach((capability, reason) -> lines.add(FILTER_IN_PATH.equals(capability)
                ? "filter not in path: " + reason
                : label(capability) + " unavailable: " + reason));
        return lines;
    }

    /** Reported by the agent (and cleared again) while it runs, so it comes and goes with heartbeats. */
    static final String FILTER_IN_PATH = "filter.in_path";

    static String label(String capability) {
        return switch (capability) {
            case "capture.keyboard" -> "keyboard capture";
            case "capture.windows" -> "window capture";
            case "capture.replay" -> "replay";
            case "evidence.screenshot" -> "screenshots";
            case "filter.dns" -> "web filter";
            default -> capability;
        };
    }
}
