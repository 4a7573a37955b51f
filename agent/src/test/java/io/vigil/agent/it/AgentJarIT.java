package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.testing.TestCertificate;
import io.vigil.agent.testing.TestConsole;
import io.vigil.proto.v1.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent, run as users and scripts run it: {@code java -jar agent/target/vigil-agent.jar ...}. */
class AgentJarIT {

    private static final Path JAR = Path.of("target", "vigil-agent.jar");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }

    private Result finish(Process process, int timeoutSeconds) throws Exception {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("agent did not exit in " + timeoutSeconds + " s; stderr:\n"
                    + Files.readString(dir.resolve("err.txt")));
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    /**
     * How long a JVM start, a replay or a stop may take before the test gives up: a hang guard, never the
     * expected time. Every wait below ends at its signal (a log line, the process exiting), and on a machine
     * busy with other builds a JVM start alone has taken tens of seconds.
     */
    private static final int PATIENCE_SECONDS = 180;

    private Result agent(String... args) throws Exception {
        return finish(start(args), PATIENCE_SECONDS);
    }

    private Path validConfig() throws IOException {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "console.address=127.0.0.1:1\nconsole.pin=" + "ab".repeat(32)
                + "\ndevice.id=dev-1\ndevice.credential=secret\nspool.path=spool.mv.db\n");
        return config;
    }

    @Test
    void anUnknownFlagExitsTwoNamingTheFlag() throws Exception {
        Result r = agent("run", "--config", "x.properties", "--bogus");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("vigil-agent: Unknown option: '--bogus'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aBadReplaySpeedExitsTwo() throws Exception {
        Result r = agent("run", "--config", validConfig().toString(), "--replay", "s.replay", "--replay-speed", "fast");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Invalid value for option '--replay-speed'"), r.err());
    }

    @Test
    void aMalformedReplayScriptExitsTwoNamingTheLine() throws Exception {
        Path script = dir.resolve("demo.replay");
        Files.writeString(script, "# demo\n0\tChat\thello\nabc\tChat\thi\n");
        Result r = agent("run", "--config", validConfig().toString(), "--replay", script.toString());
        assertEquals(2, r.exit());
        assertEquals("vigil-agent: replay script " + script + " line 3: delay 'abc' is not a number\n", r.err());
        assertFalse(Files.exists(dir.resolve("spool.mv.db")), "nothing ran");
    }

    @Test
    void aConfigMissingAKeyExitsTwoNamingTheKey() throws Exception {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "console.address=127.0.0.1:1\nconsole.pin=" + "ab".repeat(32)
                + "\ndevice.id=dev-1\nspool.path=spool.mv.db\n");
        Result r = agent("run", "--config", config.toString(), "--replay", "x.replay");
        assertEquals(2, r.exit());
        assertEquals("vigil-agent: config " + config + ": missing key 'device.credential'\n", r.err());
    }

    @Test
    void exitWhenIdleWithoutAReplayIsRefusedBecauseLiveCaptureNeverEnds() throws Exception {
        Result r = agent("run", "--config", validConfig().toString(), "--exit-when-idle");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--exit-when-idle needs --replay"), r.err());
    }

    @Test
    void enrolThenReplayDeliversTheAlertsAndExitsWhenIdle() throws Exception {
        try (TestConsole console = new TestConsole(TestCertificate.forLocalhost()).start()) {
            Path config = dir.resolve("etc/agent.properties");
            Result enrol = agent("enrol", "--console", console.address(), "--token", TestConsole.TOKEN, "--pin",
                    console.certificate().pin().hex(), "--config", config.toString());
            assertEquals(0, enrol.exit(), enrol.err());
            assertTrue(enrol.out().startsWith("Enrolled as device dev-"), enrol.out());

            Path script = dir.resolve("demo.replay");
            Files.writeString(script, String.join("\n",
                    "# a pupil's afternoon",
                    "0\tYear 9 chat - Teams\tsee you at lunch",
                    "0\tYear 9 chat - Teams\tI want to kill myself tonight",
                    "0\tSign in - Google Accounts\tI want to kill myself tonight",
                    "0\thow to self harm - Google Search\t",
                    ""), StandardCharsets.UTF_8);
            Result run = agent("run", "--config", config.toString(), "--replay", script.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "j.smith");

            assertEquals(0, run.exit(), run.err());
            List<Alert> stored = console.stored().values().stream()
                    .sorted(Comparator.comparingLong(Alert::getSequence)).toList();
            assertEquals(2, stored.size(), run.err());
            assertEquals("suicide", stored.get(0).getCategory());
            assertEquals(5, stored.get(0).getSeverity());
            assertEquals("replay", stored.get(0).getSource());
            assertEquals("Year 9 chat - Teams", stored.get(0).getWindowTitle());
            assertEquals("j.smith", stored.get(0).getUser());
            assertEquals("self_harm", stored.get(1).getCategory());
            assertEquals("search_term", stored.get(1).getSource());
            assertEquals("how to self harm", stored.get(1).getSnippet());
            assertTrue(run.err().contains("alert raised suicide severity 5 seq 1"), run.err());
            assertTrue(run.err().contains("delivered up to seq 2"), run.err());
            assertFalse(run.err().contains("kill myself"), "snippets are never logged");
            assertEquals("j.smith", console.hellos().getFirst().getUser());
        }
    }

    @Test
    void detectionProfilesDecidePerUserAndVisitedAddressesAlertByTheirSite() throws Exception {
        try (TestConsole console = new TestConsole(TestCertificate.forLocalhost()).start()) {
            Path config = dir.resolve("etc/agent.properties");
            Result enrol = agent("enrol", "--console", console.address(), "--token", TestConsole.TOKEN, "--pin",
                    console.certificate().pin().hex(), "--config", config.toString());
            assertEquals(0, enrol.exit(), enrol.err());
            // Pupils get the KS1 profile; staff (t.* logins) the staff profile, which skips personal information.
            Files.writeString(config, String.join("\n", "", "group.staff.users = t\\..+", "detect.group.pupils = ks1",
                    "detect.group.staff = staff", ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Path script = dir.resolve("visits.replay");
            Files.writeString(script, String.join("\n",
                    "0\tChat - Teams\tmy insta is @mia.x.2013 and my snap is mia_xo13 add me",
                    "0\thttps://www.xvideos.com/video123/x\t",
                    "0\tChat - Teams\tI want to kill myself tonight",
                    ""), StandardCharsets.UTF_8);
            for (String user : List.of("j.smith", "t.jones")) {
                Result run = agent("run", "--config", config.toString(), "--replay", script.toString(),
                        "--replay-speed", "instant", "--exit-when-idle", "--user", user);
                assertEquals(0, run.exit(), run.err());
            }

            List<Alert> stored = console.stored().values().stream()
                    .sorted(Comparator.comparingLong(Alert::getSequence)).toList();
            assertEquals(List.of("j.smith personal_info 2", "j.smith sexual_content 3", "j.smith suicide 5",
                            "t.jones sexual_content 3", "t.jones suicide 5"),
                    stored.stream().map(a -> a.getUser() + " " + a.getCategory() + " " + a.getSeverity()).toList());
            Alert visit = stored.get(1);
            assertEquals("url", visit.getSource());
            assertEquals("https://www.xvideos.com/video123/x", visit.getUrl());
            assertFalse(visit.hasScreenshot(), "never a screenshot for sexual content");
        }
    }

    @Test
    void sigtermMidReplayStopsTheAgentQuietlyAndLeavesAUsableSpool() throws Exception {
        Path config = validConfig(); // console unreachable: alerts stay spooled
        Path script = dir.resolve("demo.replay");
        Files.writeString(script, "0\tChat\tkill myself\n60000\tChat\tstill typing when stopped\n");
        Process process = start("run", "--config", config.toString(), "--replay", script.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!Files.readString(dir.resolve("err.txt")).contains("alert raised")) {
            assertTrue(System.nanoTime() < deadline, "agent never raised the alert");
            assertTrue(process.isAlive(), Files.readString(dir.resolve("err.txt")));
            Thread.sleep(50);
        }
        process.destroy(); // SIGTERM, mid-replay
        Result r = finish(process, PATIENCE_SECONDS);
        assertEquals(143, r.exit(), r.err());
        assertTrue(r.err().contains("agent stopped; 1 record(s) left in the spool"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("vigil-agent:"), "no error line on a requested stop: " + r.err());
        try (AlertSpool spool = AlertSpool.open(dir.resolve("spool.mv.db"))) {
            assertEquals(1, spool.depth());
        }
    }
}
