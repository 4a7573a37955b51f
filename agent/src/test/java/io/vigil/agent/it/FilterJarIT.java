package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.agent.filter.TestPolicies;
import io.vigil.agent.testing.Deadline;
import io.vigil.agent.testing.Dig;
import io.vigil.agent.testing.Dnsmasq;
import io.vigil.agent.testing.Http;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar vigil-agent.jar filter ...}: the filter alone, as an engineer runs it to diagnose. */
class FilterJarIT {

    private static final Path JAR = Path.of("target", "vigil-agent.jar");

    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "filter"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("log.txt"));
    }

    @Test
    void aMalformedPolicyExitsTwoNamingFileAndLine() throws Exception {
        Path policy = TestPolicies.write(dir, "vigil-filter-policy 1\ncategory gaming\ngroup ks1\n  block gamez\n"
                + "device-group ks1\n");
        Process p = start("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:53", "--policy", policy.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), log());
        assertTrue(log().contains("school.vfp:4: unknown category \"gamez\""), log());
        assertFalse(log().contains("\tat "), "no stack trace");
    }

    @Test
    void filtersAloneWithItsBlockPage() throws Exception {
        assumeTrue(Dig.installed() && Dnsmasq.installed(), "dig or dnsmasq not installed: skipped");
        try (Dnsmasq upstream = Dnsmasq.start(dir, Map.of("allowed.example", "1.2.3.4"))) {
            int port = Dnsmasq.freePort();
            int pagePort = Dnsmasq.freePort();
            Path policy = TestPolicies.write(dir, TestPolicies.SCHOOL);
            Process p = start("--listen", "127.0.0.1:" + port, "--upstream", "127.0.0.1:" + upstream.port(),
                    "--policy", policy.toString(), "--block-address", "10.10.10.10",
                    "--block-page", "127.0.0.1:" + pagePort, "--user", "alice");
            try {
                Deadline deadline = Deadline.in(Duration.ofSeconds(60));
                while (!log().contains("filter ready")) {
                    assertTrue(p.isAlive(), log());
                    deadline.check("'filter ready' in the log");
                }
                assertEquals(List.of("10.10.10.10"), Dig.query(port, "porn.example", "A", false).answers());
                assertEquals(List.of("1.2.3.4"), Dig.query(port, "allowed.example", "A", false).answers());
                assertEquals("NXDOMAIN", Dig.query(port, "use-application-dns.net", "A", true).status());
                Http.Response page = Http.request(new InetSocketAddress(InetAddress.getLoopbackAddress(), pagePort),
                        "GET", "porn.example", "/", null);
                assertEquals(403, page.status());
                assertTrue(page.body().contains("pornography"), page.body());
                assertTrue(log().contains("blocked porn.example category=pornography group=ks1 user=alice"), log());
            } finally {
                p.destroy();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "filter stops on SIGTERM");
            }
        }
    }
}
