package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit files as they are in packaging/linux/systemd, checked by {@code systemd-analyze verify} (CI has
 * systemd's tools but not systemd as PID 1): the system service and the per-user helper unit. The one thing it
 * cannot see here is the launcher the package installs, so "not executable" for exactly that path is allowed
 * while it is absent; {@link PackageIT} verifies the installed units with the launcher in place and allows
 * nothing.
 */
class SystemdUnitsIT {

    private static final Path LAUNCHER = Path.of("/opt/vigil-agent/bin/vigil-agent");

    @TempDir
    Path tmp;

    private static Path units() {
        return Path.of(System.getProperty("vigil.build.deb")).toAbsolutePath().getParent().resolve("systemd");
    }

    @Test
    void theSystemServiceUnitIsValid() {
        check(units().resolve("vigil-agent.service"), false);
    }

    @Test
    void theSessionHelperUserUnitIsValid() {
        check(units().resolve("vigil-session-helper.service"), true);
    }

    /** The check can fail: the mistakes systemd only warns about (exit code 0) are caught from its output. */
    @Test
    void aUnitWithAnUnknownKeyOrABadValueIsReported() throws Exception {
        Path tool = SystemdVerify.tool().orElse(null);
        assumeTrue(tool != null, "systemd-analyze not installed (Debian: package systemd): unit files not verified");
        Path unit = Files.writeString(tmp.resolve("vigil-probe.service"),
                "[Service]\nExecStart=/bin/true\nRestartt=always\nRestart=sometimes\n");
        List<String> problems = SystemdVerify.problems(tool, unit, false, tmp);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("Unknown key"), problems::toString);
    }

    private void check(Path unit, boolean user) {
        Path tool = SystemdVerify.tool().orElse(null);
        assumeTrue(tool != null, "systemd-analyze not installed (Debian: package systemd): unit files not verified");
        List<String> problems = SystemdVerify.problems(tool, unit, user, tmp);
        if (!Files.isExecutable(LAUNCHER)) {
            problems = problems.stream().filter(p -> !p.contains("Command " + LAUNCHER + " is not executable"))
                    .toList();
        }
        assertEquals(List.of(), problems, "systemd-analyze verify " + (user ? "--user " : "") + unit);
    }
}
