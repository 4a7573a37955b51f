package io.vigil.agent.capture.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.windows.ForegroundTracker.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForegroundTrackerTest {

    private final ForegroundTracker tracker = new ForegroundTracker();
    // As OSHI listed them under Xvfb + openbox: xterm on top, then xmessage, then the desktop.
    private final Window desktop = new Window(0x400007L, "", 0, 1);
    private final Window xmessage = new Window(0x600001L, "xmessage", 0, 2);
    private final Window xterm = new Window(0x800003L, "My Title", 21105, 3);

    @Test
    void theHighestStackingOrderIsTheForegroundWindowAndIsReportedOnce() {
        assertEquals(xterm, tracker.changed(List.of(desktop, xmessage, xterm)).orElseThrow());
        assertTrue(tracker.changed(List.of(xterm, desktop, xmessage)).isEmpty(), "same window again");
    }

    @Test
    void aNewTitleInTheSameWindowIsReported() {
        tracker.changed(List.of(xterm));
        Window retitled = new Window(xterm.id(), "cats - Google Search - Chromium", xterm.pid(), xterm.order());
        assertEquals(retitled, tracker.changed(List.of(retitled)).orElseThrow());
    }

    @Test
    void anotherWindowComingForwardIsReportedAndAnEmptyDesktopIsNot() {
        tracker.changed(List.of(desktop, xmessage, xterm));
        Window raised = new Window(xmessage.id(), xmessage.title(), 0, 4);
        assertEquals(raised, tracker.changed(List.of(desktop, raised, xterm)).orElseThrow());
        assertTrue(tracker.changed(List.of()).isEmpty());
    }
}
