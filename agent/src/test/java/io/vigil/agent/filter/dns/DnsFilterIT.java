package io.vigil.agent.filter.dns;

import static io.vigil.agent.filter.TestPolicies.wednesday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.agent.filter.BypassAlerts;
import io.vigil.agent.filter.FilterAlert;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.PolicyDocument;
import io.vigil.agent.filter.TestPolicies;
import io.vigil.agent.testing.Dig;
import io.vigil.agent.testing.Dnsmasq;
import io.vigil.agent.testing.MutableClock;
import io.vigil.agent.testing.RecordingFilterListener;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.DatagramChannel;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's resolver, in process, queried by the real {@code dig} with a real {@code dnsmasq} as its upstream.
 * The policy clock is injected so time rules are crossed exactly at their boundary.
 */
class DnsFilterIT {

    static final String BLOCK_ADDRESS = "10.10.10.10";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(wednesday("10:00"));
    final AtomicReference<String> user = new AtomicReference<>();
    final RecordingFilterListener records = new RecordingFilterListener();
    Dnsmasq upstream;
    FilterEngine engine;
    DnsFilterServer server;
    int port;

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(Dig.installed(), "dig is not installed (apt-get install dnsutils): DNS integration tests skipped");
        assumeTrue(Dnsmasq.installed(), "dnsmasq is not installed (apt-get install dnsmasq): DNS integration tests skipped");
    }

    @BeforeEach
    void start() throws Exception {
        upstream = Dnsmasq.start(dir, Map.of(
                "allowed.example", "1.2.3.4",
                "cached.example", "5.6.7.8",
                "gaming.example", "7.7.7.7",
                "both.example", "6.6.6.6",
                "www.google.com", "142.250.0.1",
                "forcesafesearch.google.com", "216.239.38.120"));
        engine = new FilterEngine("test", TestPolicies.school(), clock, user::get, records,
                new BypassAlerts(3, Duration.ofHours(1)));
        server = DnsFilterServer.start(new DnsFilterServer.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.port())),
                Duration.ofMillis(500), List.of(InetAddress.getByName(BLOCK_ADDRESS))), engine, new InPathProbe());
        port = server.address().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private Dig.Answer dig(String name) {
        return Dig.query(port, name, "A", false);
    }

    @Test
    void blockedCategoryResolvesToTheBlockPageAndIsAFilterEvent() {
        Dig.Answer a = dig("porn.example");
        assertEquals("NOERROR", a.status(), a.raw());
        assertEquals(List.of(BLOCK_ADDRESS), a.answers());
        assertEquals("pornography", records.events.get(0).category());
        assertEquals("ks2", records.events.get(0).group());
        assertEquals(FilterAlert.Kind.HIGH_RISK_BLOCK, records.alerts.get(0).kind(), "pornography is high-risk");
    }

    @Test
    void allowedNameGetsTheUpstreamAnswerOverUdpAndTcp() {
        assertEquals(List.of("1.2.3.4"), dig("allowed.example").answers());
        assertEquals(List.of("1.2.3.4"), Dig.query(port, "allowed.example", "A", true).answers());
        engine.flushAllBrowsing();
        assertEquals(1, records.browsing.size());
        assertEquals(Map.of("allowed.example", 1), records.browsing.get(0).requestsByDomain(),
                "the repeat within seconds is the same visit");
    }

    @Test
    void googleSearchIsRewrittenToSafeSearch() {
        Dig.Answer a = dig("www.google.com");
        assertEquals(List.of("CNAME", "A"), a.types(), a.raw());
        assertEquals(List.of("forcesafesearch.google.com.", "216.239.38.120"), a.answers());
    }

    @Test
    void firefoxCanaryIsNxdomain() {
        assertEquals("NXDOMAIN", dig("use-application-dns.net").status());
    }

    @Test
    void ks1AndStaffDiffer() {
        clock.set(wednesday("19:00"));
        user.set("alice");
        assertEquals(List.of(BLOCK_ADDRESS), dig("gaming.example").answers(), "ks1 blocks gaming always");
        user.set("sam");
        assertEquals(List.of("7.7.7.7"), dig("gaming.example").answers(), "staff do not block gaming");
    }

    @Test
    void timeRuleFlipsAtItsBoundary() {
        clock.set(wednesday("08:29:59"));
        assertEquals(List.of("7.7.7.7"), dig("gaming.example").answers());
        clock.set(wednesday("08:30:00"));
        assertEquals(List.of(BLOCK_ADDRESS), dig("gaming.example").answers());
        clock.set(wednesday("15:30:00"));
        assertEquals(List.of("7.7.7.7"), dig("gaming.example").answers());
    }

    @Test
    void illegalEntryStaysBlockedDespiteAllowRuleAndGrant() {
        user.set("dsl1"); // granted gaming; both.example is gaming, allowed, and on the IWF list
        assertEquals(List.of("7.7.7.7"), dig("gaming.example").answers(), "the grant works for gaming");
        assertEquals(List.of(BLOCK_ADDRESS), dig("both.example").answers());
        assertEquals("illegal", records.events.get(records.events.size() - 1).category());
    }

    @Test
    void upstreamDownGivesTimelyServfailWhileCachedAnswersAreStillServed() throws Exception {
        assertEquals(List.of("5.6.7.8"), dig("cached.example").answers());
        upstream.close();
        assertEquals(List.of("5.6.7.8"), dig("cached.example").answers(), "served from cache");
        // Timely means before the client gives up: dig waits 3 s (one upstream × 500 ms timeout and room to
        // spare) and a SERVFAIL is an answer within that. dig's own clock starts at the query, so the time a
        // loaded machine takes to start the dig process (which the test used to count) is left out.
        Dig.Answer a = Dig.query(port, "never-seen.example", "A", false, 3);
        assertEquals("SERVFAIL", a.status(), a.raw());
        assertEquals(List.of(BLOCK_ADDRESS), dig("porn.example").answers(), "blocking needs no upstream");
    }

    @Test
    void aSilentFirstUpstreamFailsOverToTheNextAndTheNextIsThenPreferred() throws Exception {
        try (DatagramChannel silent = DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            silent.configureBlocking(false); // reads what reached it, never answers
            int silentPort = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            try (DnsFilterServer failover = DnsFilterServer.start(new DnsFilterServer.Settings(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), silentPort),
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.port())),
                    Duration.ofMillis(500), List.of(InetAddress.getByName(BLOCK_ADDRESS))), engine, new InPathProbe())) {
                int p = failover.address().getPort();
                assertEquals(List.of("1.2.3.4"), Dig.query(p, "allowed.example", "A", false).answers(),
                        "answered by the second upstream after the first's timeout");
                assertEquals(1, drain(silent), "the first upstream was tried first");
                assertEquals(List.of("5.6.7.8"), Dig.query(p, "cached.example", "A", false).answers());
                assertEquals(0, drain(silent), "then the upstream that answered is preferred");
            }
        }
    }

    private static int drain(DatagramChannel channel) throws Exception {
        int packets = 0;
        while (channel.receive(java.nio.ByteBuffer.allocate(1500)) != null) {
            packets++;
        }
        return packets;
    }

    @Test
    void repeatedBypassAttemptsAreEventsButOneAlert() {
        user.set("alice");
        for (String name : List.of("dns.google", "nordvpn.com", "cloudflare-dns.com", "hidester.com", "kproxy.com",
                "protonvpn.com")) {
            assertEquals(List.of(BLOCK_ADDRESS), dig(name).answers(), name);
        }
        assertEquals(6, records.events.stream().filter(e -> e.category().equals("bypass")).count());
        List<FilterAlert> bypassAlerts = records.alerts.stream()
                .filter(a -> a.kind() == FilterAlert.Kind.REPEATED_BYPASS).toList();
        assertEquals(1, bypassAlerts.size(), records.alerts.toString());
        assertEquals("alice", bypassAlerts.get(0).user());
    }

    @Test
    void brokenPolicyUpdateIsRefusedAndTheLastGoodOneKeepsEnforcing() {
        Map<String, String> files = new HashMap<>(TestPolicies.LISTS);
        files.put("school.vfp", TestPolicies.SCHOOL.replace("block pornography bypass", "block pornografy bypass"));
        var refused = engine.apply(new PolicyDocument("v2", "school.vfp", files));
        assertTrue(!refused.ok() && refused.error().contains("school.vfp:22: unknown category \"pornografy\""),
                refused.error());
        assertEquals(List.of(BLOCK_ADDRESS), dig("porn.example").answers(), "old policy still in force");

        files.put("school.vfp", TestPolicies.SCHOOL);
        files.put("lists/porn.hosts", "0.0.0.0 other.example\n");
        var applied = engine.apply(new PolicyDocument("v3", "school.vfp", files));
        assertTrue(applied.ok(), applied.error());
        assertEquals(1, applied.limits().size(), "the IWF URL entry is reported as a limit");
        assertEquals("v3", engine.version());
        assertEquals(List.of(BLOCK_ADDRESS), dig("other.example").answers());
    }

    @Test
    void garbageUdpGetsFormerrOrIsDroppedAndTheResolverKeepsAnswering() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            byte[] junk = new byte[20];
            junk[0] = 0x12;
            junk[1] = 0x34;
            junk[2] = 0x01;  // RD, a query
            junk[5] = 1;     // one question ...
            junk[12] = 63;   // ... whose first label claims 63 bytes that are not there
            socket.send(new DatagramPacket(junk, junk.length, server.address()));
            byte[] buf = new byte[512];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            socket.receive(in);
            assertEquals(0x1234, ((buf[0] & 0xff) << 8) | (buf[1] & 0xff), "answers the garbage's id");
            assertEquals(1, buf[3] & 0x0f, "rcode FORMERR");
            assertTrue((buf[2] & 0x80) != 0, "QR set");

            // Too short for a header: dropped. Proven by the next answer on this socket being the valid query's.
            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, server.address()));
            Message valid = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString("allowed.example."), Type.A, DClass.IN));
            byte[] validWire = valid.toWire();
            socket.send(new DatagramPacket(validWire, validWire.length, server.address()));
            socket.receive(in);
            Message answer = new Message(java.util.Arrays.copyOf(buf, in.getLength()));
            assertEquals(valid.getHeader().getID(), answer.getHeader().getID());
            assertEquals(Rcode.NOERROR, answer.getRcode());
        }
        assertEquals(List.of("1.2.3.4"), dig("allowed.example").answers());
    }

    @Test
    void oversizedOrMalformedTcpMessagesCloseTheConnectionAndTheResolverKeepsAnswering() throws Exception {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) 0xff, (byte) 0xff}); // claims 65535 bytes: more than any query
            out.write(new byte[1000]);
            out.flush();
            assertEquals(-1, s.getInputStream().read(), "connection closed, nothing answered");
        }
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            byte[] junk = new byte[22];
            junk[1] = 20;    // length prefix 20
            junk[2] = 0x55;  // id 0x5566
            junk[3] = 0x66;
            junk[7] = 1;     // one question
            junk[14] = 63;   // a label longer than the message
            s.getOutputStream().write(junk);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            assertEquals(0x55, reply[0] & 0xff);
            assertEquals(1, reply[3] & 0x0f, "FORMERR over TCP");
        }
        assertEquals(List.of("1.2.3.4"), Dig.query(port, "allowed.example", "A", true).answers());
        assertEquals(List.of("1.2.3.4"), dig("allowed.example").answers());
    }

    @Test
    void osResolverNotThroughTheFilterIsReportedAsNotInPath() {
        InPathProbe probe = new InPathProbe();
        // This machine's resolver does not use our random port, so the probe must not arrive.
        assertTrue(new InPathCheck(probe, Duration.ofSeconds(10)).problem().isPresent());
    }
}
