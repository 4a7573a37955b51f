package io.vigil.agent.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real dnsmasq on a free loopback port, answering only what the test gives it ({@code --address=/name/ip}),
 * never the system's resolv.conf or hosts file. Ready once it answers a query; stopped by {@link #close}.
 */
public final class Dnsmasq implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private Dnsmasq(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/dnsmasq"));
    }

    /** {@code answers}: name → IPv4 address (the name and its sub-domains). Extra args, e.g. an addn-hosts file. */
    public static Dnsmasq start(Path dir, Map<String, String> answers, String... extra) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/dnsmasq", "--no-daemon", "--port=" + port,
                "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                "--conf-file=/dev/null", "--pid-file", "--user=" + System.getProperty("user.name"),
                "--cache-size=10000", "--local-ttl=300", "--address=/ready.vigil.test/127.0.0.9"));
        answers.forEach((name, ip) -> cmd.add("--address=/" + name + "/" + ip));
        cmd.addAll(List.of(extra));
        Path log = dir.resolve("dnsmasq-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Dnsmasq d = new Dnsmasq(p, port, log);
        Deadline deadline = Deadline.in(Duration.ofMinutes(2)); // a hang guard: ends when dnsmasq answers
        while (!Dig.query(port, "ready.vigil.test", "A", false, 1).answers().contains("127.0.0.9")) {
            if (!p.isAlive()) {
                throw new IllegalStateException("dnsmasq exited: " + Files.readString(log));
            }
            deadline.check("dnsmasq to answer on port " + port);
        }
        return d;
    }

    public int port() {
        return port;
    }

    /** Stops it and waits until it is gone, so "upstream down" is really down. */
    @Override
    public void close() throws Exception {
        // SIGKILL: dnsmasq can take seconds to act on SIGTERM once a TCP client has connected, and an upstream
        // that vanishes at once is the case the filter must handle anyway. TCP children go with it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** A port free for both UDP and TCP on loopback right now. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // TCP side in use: try another
                }
            }
        }
        throw new IOException("no free loopback port for UDP and TCP");
    }
}
