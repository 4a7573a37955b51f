package io.vigil.agent.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's capabilities as they are now, for Hello and every Heartbeat. Most are decided once at start;
 * a few can come and go while the agent runs (the filter drops out of the DNS path when the laptop joins a
 * network that hands out its own resolver), so the console's device list must follow them.
 */
public final class CapabilityBoard {

    private final List<String> available;
    private final Map<String, String> unavailable;

    public CapabilityBoard(Capabilities atStart) {
        this.available = new ArrayList<>(atStart.available());
        this.unavailable = new LinkedHashMap<>(atStart.unavailable());
    }

    /** What the next Hello or Heartbeat reports. */
    public synchronized Capabilities now() {
        return new Capabilities(available, unavailable);
    }

    /** {@code capability} works now (empty problem) or does not, and why. */
    public synchronized void update(String capability, Optional<String> problem) {
        if (problem.isPresent()) {
            available.remove(capability);
            unavailable.put(capability, problem.get());
        } else {
            unavailable.remove(capability);
            if (!available.contains(capability)) {
                available.add(capability);
            }
        }
    }
}
