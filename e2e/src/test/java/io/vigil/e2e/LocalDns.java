package io.vigil.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real DNS tools for the web filter's end-to-end test: a dnsmasq upstream the test starts, and dig. */
final class LocalDns {

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/dig")) && Files.isExecutable(Path.of("/usr/sbin/dnsmasq"));
    }

    /** The A records dig gets for {@code name} from 127.0.0.1:{@code port}, or "status:X" when there are none. */
    static List<String> dig(int port, String name) {
        try {
            Process p = new ProcessBuilder("dig", "@127.0.0.1", "-p", Integer.toString(port), name, "A",
                    "+tries=1", "+time=5", "+short").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot run dig", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** A dnsmasq answering {@code answers} (name → address) on a free loopback port, killed on close. */
    static final class Upstream implements AutoCloseable {
        final int port;
        private final Process process;

        Upstream(Path dir, Map<String, String> answers) throws IOException {
            port = freePort();
            List<String> cmd = new ArrayList<>(List.of("/usr/sbin/dnsmasq", "--no-daemon", "--port=" + port,
                    "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                    "--conf-file=/dev/null", "--pid-file", "--user=" + System.getProperty("user.name"),
                    "--local-ttl=300", "--address=/ready.vigil.test/127.0.0.9"));
            answers.forEach((name, ip) -> cmd.add("--address=/" + name + "/" + ip));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
            XDesktop.await("dnsmasq to answer", Duration.ofMinutes(2),
                    () -> dig(port, "ready.vigil.test").contains("127.0.0.9"));
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                 ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the TCP side of this port is in use: try another
            }
        }
        throw new IOException("no free loopback port for UDP and TCP");
    }

    private LocalDns() {
    }
}
