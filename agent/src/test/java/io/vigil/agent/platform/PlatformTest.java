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
}
