package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package as an MDM uses it, on this machine: build it (jlink + jpackage + dpkg-deb), check it with
 * lintian, install it with dpkg, drop the zero-touch enrolment file and token, start the INSTALLED service
 * binary with the unit's own ExecStart line (CI has no systemd), let a per-user helper hand it a replayed
 * disclosure that must reach the DSL, see a helper of another user refused, then remove (spool and identity
 * kept) and purge (wiped). Needs root, dpkg and a JDK with jpackage; skips with the reason otherwise.
 */
class PackageIT {

    private static final String PACKAGE = "vigil-agent";
    private static final Path UNIT = Path.of("/lib/systemd/system/vigil-agent.service");
    private static final Path USER_UNIT = Path.of("/usr/lib/systemd/user/vigil-session-helper.service");
    private static final Path AUTOSTART = Path.of("/etc/xdg/autostart/vigil-session-helper.desktop");
    private static final Path RESOLVED_DROP_IN = Path.of("/usr/lib/systemd/resolved.conf.d/vigil.conf");
    private static final Path LAUNCHER = Path.of("/opt/vigil-agent/bin/vigil-agent");
    private static final Path ETC = Path.of("/etc/vigil");
    private static final Path STATE = Path.of("/var/lib/vigil");
    private static final Path SPOOL = STATE.resolve("spool.mv.db");
    private static final Path SOCKET = Path.of("/run/vigil/helper.sock");
    private static final String PUPIL = "vigil-it-pupil";
    private static final String DSL_PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    @Test
    void installedPackageEnrolsItselfDeliversAHelperAlertAndUninstallsAsDocumented() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")) && Files.isExecutable(Path.of("/usr/bin/dpkg-deb")),
                "dpkg/dpkg-deb not found: the Debian package test runs on Debian-based machines only");
        Path jdk = Path.of(JavaProcess.javaExecutable()).getParent().getParent();
        assumeTrue(Files.isExecutable(jdk.resolve("bin/jpackage")), "no jpackage in " + jdk + ": needs a full JDK");
        assumeTrue("0".equals(sh("id", "-u").output().strip()), "not root: dpkg -i needs root (CI runs as root)");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/lintian")), "lintian not installed (.ci/run installs it)");

        // One package on one machine: parallel runs (several worktrees on one box) must take turns.
        try (FileChannel lockFile = FileChannel.open(Path.of("/tmp/vigil-package-it.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            assertNotEquals(0, sh("dpkg", "-s", PACKAGE).exitCode(),
                    PACKAGE + " is already installed here; this test installs and purges it: dpkg -P it first");
            try {
                runThePackage(jdk);
            } finally {
                sh("dpkg", "-P", PACKAGE);
                sh("userdel", PUPIL);
            }
        }
    }

    private void runThePackage(Path jdk) throws Exception {
        Path deb = build(jdk);
        JavaProcess.Result lintian = sh(Duration.ofMinutes(10), "lintian", "--fail-on", "error", "--tag-display-limit",
                "0", deb.toString());
        assertEquals(0, lintian.exitCode(), "lintian found errors:\n" + lintian.output());

        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);

            JavaProcess.Result install = sh(Duration.ofMinutes(5), "dpkg", "-i", deb.toString());
            assertEquals(0, install.exitCode(), "dpkg -i failed:\n" + install.output());
            for (Path p : List.of(LAUNCHER, UNIT, USER_UNIT, AUTOSTART, RESOLVED_DROP_IN)) {
                assertTrue(Files.exists(p), p + " not installed");
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ETC)));
            // systemd does not run here, but its own checker reads the installed units (syntax, known options,
            // the launcher they start). It exits 0 on "unknown key ..., ignoring", so its output is what counts.
            var systemdAnalyze = SystemdVerify.tool();
            if (systemdAnalyze.isPresent()) {
                assertEquals(List.of(), SystemdVerify.problems(systemdAnalyze.get(), UNIT, false, tmp),
                        "systemd-analyze verify " + UNIT);
                assertEquals(List.of(), SystemdVerify.problems(systemdAnalyze.get(), USER_UNIT, true, tmp),
                        "systemd-analyze --user verify " + USER_UNIT);
            } // absent: SystemdUnitsIT is skipped with the reason, and says so in the test report
            assertTrue(Files.isSymbolicLink(Path.of("/etc/systemd/system/multi-user.target.wants/vigil-agent.service")),
                    "postinst did not enable the service");

            // What the MDM drops: the enrolment file and the token file, owner-only.
            Files.writeString(ETC.resolve("enrol-token"), site.createToken() + "\n");
            Files.writeString(ETC.resolve("enrol.properties"), "console.address=127.0.0.1:" + site.grpcPort + "\n"
                    + "console.pin=" + site.fingerprint() + "\nenrol.token_file=enrol-token\n"
                    + "spool.path=" + SPOOL + "\nstate.path=" + STATE.resolve("state") + "\nuser=" + PUPIL + "\n");
            sh("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PUPIL);

            JavaProcess service = startAsTheUnitWould(site);
            service.awaitOutput("enrolled as device", Duration.ofSeconds(120));
            service.awaitOutput("service for device", Duration.ofSeconds(120));
            assertFalse(Files.exists(ETC.resolve("enrol-token")), "the used token file must be deleted");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(ETC.resolve("agent.properties"))));
            recordFootprint(service);

            Path script = worldReadable("session.txt", "0\tDiscord - general\ti just want to kill myself tonight\n");
            try (JavaProcess helper = JavaProcess.startCommand(tmp.resolve("logs/helper-pupil.log"), List.of("runuser",
                    "-u", PUPIL, "--", LAUNCHER.toString(), "session-helper", "--socket", SOCKET.toString(),
                    "--replay", script.toString()), env -> { })) {
                awaitAlert(site.signedInApi("mrs.khan", DSL_PASSWORD), helper);
            }
            JavaProcess.Result stranger = JavaProcess.runCommand(tmp.resolve("logs/helper-nobody.log"),
                    Duration.ofSeconds(90), List.of("runuser", "-u", "nobody", "--", LAUNCHER.toString(),
                            "session-helper", "--socket", SOCKET.toString(), "--replay", script.toString()));
            assertNotEquals(0, stranger.exitCode(), "a helper of another user was accepted:\n" + stranger.output());
            assertTrue(stranger.output().contains("refused"), stranger.output());

            service.close();
        }

        JavaProcess.Result remove = sh(Duration.ofMinutes(5), "dpkg", "-r", PACKAGE);
        assertEquals(0, remove.exitCode(), "dpkg -r failed:\n" + remove.output());
        for (Path p : List.of(LAUNCHER, UNIT, USER_UNIT, RESOLVED_DROP_IN,
                Path.of("/etc/systemd/system/multi-user.target.wants/vigil-agent.service"),
                Path.of("/etc/systemd/user/graphical-session.target.wants/vigil-session-helper.service"))) {
            assertFalse(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " left behind by dpkg -r");
        }
        // A conffile stays until purge; TryExec names the removed launcher, so desktops ignore the entry.
        assertTrue(!Files.exists(AUTOSTART) || Files.readString(AUTOSTART).contains("TryExec=" + LAUNCHER));
        assertTrue(Files.exists(SPOOL), "dpkg -r must keep the spool (undelivered alerts)");
        assertTrue(Files.exists(ETC.resolve("agent.properties")), "dpkg -r must keep the device identity");

        JavaProcess.Result purge = sh(Duration.ofMinutes(5), "dpkg", "-P", PACKAGE);
        assertEquals(0, purge.exitCode(), "dpkg -P failed:\n" + purge.output());
        for (Path p : List.of(ETC, STATE, AUTOSTART)) {
            assertFalse(Files.exists(p), p + " left behind by dpkg -P");
        }
    }

    private Path build(Path jdk) {
        Path script = Path.of(System.getProperty("vigil.build.deb")).toAbsolutePath().normalize();
        Path out = tmp.resolve("deb");
        List<String> command = List.of(script.toString(), out.toString());
        JavaProcess.Result built;
        try (JavaProcess p = JavaProcess.startCommand(tmp.resolve("logs/build-deb.log"), command,
                env -> env.put("JAVA_HOME", jdk.toString()))) {
            assertEquals(0, p.awaitExit(Duration.ofMinutes(25)), () -> "build-deb.sh failed:\n" + p.output());
            built = new JavaProcess.Result(0, p.output());
        }
        String[] lines = built.output().strip().split("\\R");
        Path deb = Path.of(lines[lines.length - 1].strip());
        assertTrue(deb.toString().endsWith(".deb") && Files.isRegularFile(deb), built.output());
        return deb;
    }

    /** The unit's ExecStart and Environment lines, run as systemd would run them (as root). */
    private JavaProcess startAsTheUnitWould(VigilSite site) throws Exception {
        List<String> command = new ArrayList<>();
        List<String[]> environment = new ArrayList<>();
        for (String line : Files.readAllLines(UNIT)) {
            if (line.startsWith("ExecStart=")) {
                command.addAll(List.of(line.substring("ExecStart=".length()).strip().split("\\s+")));
            } else if (line.startsWith("Environment=")) {
                environment.add(line.substring("Environment=".length()).strip().split("=", 2));
            }
        }
        assertFalse(command.isEmpty(), "no ExecStart in " + UNIT);
        return JavaProcess.startCommand(tmp.resolve("logs/installed-service.log"), command, env -> {
            environment.forEach(kv -> env.put(kv[0], kv[1]));
            env.remove("VIGIL_ENROL_TOKEN");
        });
    }

    private static void awaitAlert(ConsoleApi api, JavaProcess helper) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode found = null;
        while (Instant.now().isBefore(deadline)) {
            found = api.alerts(Map.of("q", "kill")).json();
            if (found.get("total").asInt() > 0) {
                assertEquals(1, found.get("total").asInt(), found.toPrettyString());
                assertEquals(PUPIL, found.get("alerts").get(0).get("user").asText());
                return;
            }
            JavaProcess.sleep(250);
        }
        throw new AssertionError("the helper's alert never reached the console: " + found + "\nhelper:\n"
                + helper.output());
    }

    /** Size on disk and resident memory of the installed service, for the README's footprint table. */
    private void recordFootprint(JavaProcess service) throws Exception {
        String du = sh("du", "-sk", "/opt/vigil-agent").output().strip();
        String rss = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
        Path report = Path.of("target", "package-footprint.txt");
        Files.writeString(report, "installed: " + du + "\nservice after enrolment and start: " + rss + "\n");
    }

    private Path worldReadable(String name, String text) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "vigil-package-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private JavaProcess.Result sh(String... command) {
        return sh(Duration.ofSeconds(60), command);
    }

    private JavaProcess.Result sh(Duration limit, String... command) {
        return JavaProcess.runCommand(tmp.resolve("logs").resolve(command[0] + "-" + System.nanoTime() + ".log"),
                limit, List.of(command));
    }
}
