package io.vigil.agent.policy;

import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens capture for the signed-in user only while the school's {@link MonitoringScope} covers their group.
 * The agent asks it before anything observed enters the capture queue, before each look at the foreground
 * window, and before each event reaches matching, so outside scope nothing is captured and nothing is
 * buffered. Asking is cheap (a clock read and a weekday lookup), so it is asked per event; a periodic
 * {@link #check()} notices a boundary even when nobody types.
 *
 * <p>On the way out of scope {@code onPause} runs once: the agent finishes the line typed inside scope
 * (it may hold a disclosure) and clears its buffers, so nothing typed before the boundary waits there.
 */
public final class ScopeGate {

    private static final Logger log = LoggerFactory.getLogger(ScopeGate.class);

    private volatile MonitoringScope scope;
    private final InstantSource clock;
    private final Runnable onPause;
    private volatile MonitoringGroup group;
    private Boolean wasOpen;

    public ScopeGate(MonitoringScope scope, MonitoringGroup group, InstantSource clock, Runnable onPause) {
        this.scope = Objects.requireNonNull(scope);
        this.group = Objects.requireNonNull(group);
        this.clock = Objects.requireNonNull(clock);
        this.onPause = Objects.requireNonNull(onPause);
    }

    /** Whether capture may run now; logs and pauses on a change. */
    public boolean open() {
        boolean open = scope.covers(group, clock.instant());
        boolean pause;
        synchronized (this) {
            if (wasOpen != null && wasOpen == open) {
                return open;
            }
            pause = wasOpen != null && !open;
            wasOpen = open;
            log.info("monitoring scope: {}", describe(open));
        }
        if (pause) {
            onPause.run();
        }
        return open;
    }

    /** For a periodic timer: notices a scope boundary when nothing is being typed. */
    public void check() {
        open();
    }

    /**
     * The school changed who is monitored when (a session helper's new settings): they decide from now on, and
     * leaving scope this way pauses exactly as a boundary in time does.
     */
    public void rescope(MonitoringScope newScope, MonitoringGroup newGroup) {
        this.scope = Objects.requireNonNull(newScope);
        this.group = Objects.requireNonNull(newGroup);
        open();
    }

    /** A different user signed in: their group decides from now on. */
    public void userGroup(MonitoringGroup newGroup) {
        this.group = Objects.requireNonNull(newGroup);
        open();
    }

    public MonitoringGroup group() {
        return group;
    }

    /** For logs and status: "capturing (group pupils, school_hours)" or "paused (...)". */
    public String describe() {
        return describe(scope.covers(group, clock.instant()));
    }

    private String describe(boolean open) {
        return (open ? "capturing" : "paused, nothing is captured") + " (group " + group.id() + ", monitored "
                + scope.whenFor(group).name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
