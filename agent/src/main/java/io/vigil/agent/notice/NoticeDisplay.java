package io.vigil.agent.notice;

import io.vigil.agent.policy.NoticeTexts;

/**
 * Shows the monitoring notice on the user's screen. The desktop implementation is a small window; tests
 * and headless devices have none, and the notice is then reachable on the local help page instead.
 */
public interface NoticeDisplay extends AutoCloseable {

    /**
     * Shows {@code notice} without blocking the caller.
     *
     * @param onAccept  run (once, on any thread) when the user accepts
     * @param onGetHelp run when the user asks for the help page
     */
    void show(NoticeTexts.Notice notice, Runnable onAccept, Runnable onGetHelp);

    @Override
    void close();
}
