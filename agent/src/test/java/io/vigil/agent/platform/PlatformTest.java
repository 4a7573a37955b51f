package io.vigil.agent.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PlatformTest {

    private static Platform on(String os, Map<String, String> env) {
        Properties system = new Properties();
        system.setProperty("os.name", os);
        return new Platform(system, env, Path.of("/nonexistent/machine-id"));
    }

    @Test
    void linuxWithoutDisplaySaysSoAndWaylandIsNamed() {
        assertEquals(Optional.of("no display (DISPLAY is not set)"), on("Linux", Map.of()).displayProblem());
        assertEquals(Optional.of("Wayland session without an X11 display (XWayland not running)"),
                on("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")).displayProblem());
        assertEquals(Optional.empty(), on("Linux", Map.of("DISPLAY", ":0")).displayProblem());
    }

    @Test
    void windowsAndMacHaveTheirOwnScreen() {
        assertEquals(Optional.empty(), on("Windows 11", Map.of()).displayProblem());
        assertEquals(Optional.empty(), on("Mac OS X", Map.of()).windowListProblem());
    }

    @Test
    void windowWatchingNeedsTheDisplayToo() {
        assertEquals(Optional.of("no display (DISPLAY is not set)"), on("Linux", Map.of()).windowListProblem());
    }

    @Test
    void linuxHasNoPasswordFieldSignalAndLoadsNoOtherPlatformsCode() {
        assertEquals(io.vigil.agent.capture.session.SecretInputSignal.NONE,
                on("Linux", Map.of("DISPLAY", ":0")).secretInputSignal());
    }

    @Test
    void aPasswordFieldSignalThatCannotLoadFailsClosed() {
        // On this (non-Mac, non-Windows) machine the native side cannot load: asking must throw, never say "no".
        var mac = on("Mac OS X", Map.of()).secretInputSignal();
        org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, mac::active);
        var windows = on("Windows 11", Map.of()).secretInputSignal();
        org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, windows::active);
    }

    @Test
    void withoutADisplayOrLogindLinuxHasNoLockSignalsAndKeepsTheStartingUser() {
        try (SessionSignals signals = on("Linux", Map.of("XDG_SESSION_ID", "no-such-session-vigil-test"))
                .sessionSignals("amy")) {
            assertEquals("amy", signals.session().read().user());
            assertEquals(Optional.empty(), signals.session().read().lockedBecause());
        }
    }
}
