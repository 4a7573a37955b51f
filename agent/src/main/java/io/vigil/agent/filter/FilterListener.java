package io.vigil.agent.filter;

import io.vigil.agent.alert.DeviceRecord;

/**
 * Where the filter's output goes. In the agent: the device spool, so every record reaches the console exactly
 * once across outages ({@link SpoolingFilterListener}); alone on the command line: the log; in tests: memory.
 * Calls come from resolver threads and must not block for long.
 */
public interface FilterListener {

    /** A filter event (a block), a browsing summary (an hour of counts) or a review request. */
    void report(DeviceRecord record);

    /** Something the DSL must hear about: a high-risk block, or repeated bypass attempts. */
    void alert(FilterAlert alert);
}
