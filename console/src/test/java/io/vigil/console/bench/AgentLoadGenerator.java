package io.vigil.console.bench;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.EnrollRequest;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Heartbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * N simulated agents against a running console over real TLS on loopback: each enrols, opens its session with
 * Hello, sends heartbeats and alerts with the real agent's in-flight window, and resends what was not
 * acknowledged if its session breaks. Two shapes:
 * <ul>
 *   <li>{@code steady}: every agent connects at once and streams its alerts; reports sessions held, alerts/s
 *       ingested and send-to-ack latency.</li>
 *   <li>{@code storm}: the 8:45 storm, every agent reconnecting at a random moment within the window, each with
 *       its spooled alerts; /api/health is polled throughout and its slowest answer reported.</li>
 *   <li>{@code flood}: ingest capacity. Every agent connects and holds its session first; only when all are
 *       held do they all send, so alerts/s counts alerts alone (from the release to the last Ack), not TLS
 *       handshakes and Hellos, and the offered load is limited only by the agents' windows.</li>
 * </ul>
 * Console heap and RSS are read from the console process. Prints one Markdown table row.
 * Run by bench/agent-load.sh, which starts the console; not a test.
 */
public final class AgentLoadGenerator {

    /** The agent's own window: at most this many alerts unacknowledged per session. */
    private static final int IN_FLIGHT = 100;

    private final Map<String, String> options;
    private final int agents;
    private final int alertsPerAgent;
    private final String mode;
    private final long windowMillis;
    private final int grpcPort;
    private final Path certificate;
    private final LongAdder acked = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final AtomicInteger sessionsHeld = new AtomicInteger();
    private final AtomicInteger sessionsBroken = new AtomicInteger();
    private final long[] latencies;
    private final AtomicInteger latencyCount = new AtomicInteger();
    private final AtomicLong healthWorstMillis = new AtomicLong();
    /** Every health answer's time in ms, and when the slowest came (seconds after the first connection). */
    private final java.util.List<Long> healthMillis = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile double healthWorstAtSeconds;
    private volatile long startNanos;
    private final AtomicInteger healthChecks = new AtomicInteger();
    private final AtomicInteger healthFailures = new AtomicInteger();
    /** Set at the end: sessions the generator closes itself are not reconnected. */
    private volatile boolean stopping;
    /** flood: counts Hello Acks; the agents send once it reaches zero. */
    private CountDownLatch allHeld;
    private final List<SimulatedAgent> flooders = java.util.Collections.synchronizedList(new ArrayList<>());

    private AgentLoadGenerator(Map<String, String> options) {
        this.options = options;
        this.agents = Integer.parseInt(options.getOrDefault("agents", "1000"));
        this.alertsPerAgent = Integer.parseInt(options.getOrDefault("alerts", "50"));
        this.mode = options.getOrDefault("mode", "steady");
        this.windowMillis = Long.parseLong(options.getOrDefault("window-seconds", "60")) * 1000;
        this.grpcPort = Integer.parseInt(options.get("grpc-port"));
        this.certificate = Path.of(options.get("cert"));
        this.latencies = new long[agents * alertsPerAgent];
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new AgentLoadGenerator(options).run();
        System.exit(0);
    }

    private record Enrolled(String deviceId, String credential) {
    }

    private void run() throws Exception {
        int channelsCount = agents;
        var credentials = TlsChannelCredentials.newBuilder().trustManager(certificate.toFile()).build();
        List<ManagedChannel> channels = new ArrayList<>();
        for (int i = 0; i < channelsCount; i++) {
            channels.add(NettyChannelBuilder.forAddress("localhost", grpcPort, credentials)
                    .maxInboundMessageSize(1 << 20).build());
        }
        List<Enrolled> devices = enrolAll(channels);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        Thread health = startHealthPolling();
        CountDownLatch done = new CountDownLatch(agents);
        allHeld = new CountDownLatch(mode.equals("flood") ? agents : 0);
        long start = System.nanoTime();
        startNanos = start;
        consoleCpuAtStart = cpuSeconds(options.get("console-pid"));
        selfCpuAtStart = cpuSeconds("self");
        for (int i = 0; i < agents; i++) {
            SimulatedAgent agent = new SimulatedAgent(i, channels.get(i), devices.get(i), done, timers);
            long delay = mode.equals("storm") ? ThreadLocalRandom.current().nextLong(windowMillis) : 0;
            timers.schedule(agent::connect, delay, TimeUnit.MILLISECONDS);
        }
        if (mode.equals("flood")) {
            if (!allHeld.await(Long.parseLong(options.getOrDefault("timeout-seconds", "600")), TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (agents - allHeld.getCount()) + " sessions were held");
            }
            System.err.printf("all %d sessions held after %.1f s; releasing the flood%n", agents,
                    (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            consoleCpuAtStart = cpuSeconds(options.get("console-pid"));
            selfCpuAtStart = cpuSeconds("self");
            synchronized (flooders) {
                flooders.forEach(SimulatedAgent::release);
            }
        }
        boolean finished = done.await(Long.parseLong(options.getOrDefault("timeout-seconds", "600")), TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int held = sessionsHeld.get();
        health.interrupt();
        String memory = consoleMemory();
        long total = (long) agents * alertsPerAgent;
        long[] sorted = Arrays.copyOf(latencies, Math.min(latencyCount.get(), latencies.length));
        Arrays.sort(sorted);
        System.out.printf("| %s | %s | %,d | %,d / %,d | %,d | %,.0f | %s | %s | %s | %s |%n",
                options.getOrDefault("label", "?"), mode, agents, acked.sum(), total, held,
                acked.sum() / seconds, millis(sorted, 0.50), millis(sorted, 0.95), memory,
                mode.equals("storm") ? healthSummary() : "-");
        System.err.printf("finished=%s in %.1f s; broken sessions %d, resent %d; CPU over the run: console %.1f s, "
                + "generator %.1f s%n", finished, seconds, sessionsBroken.get(), resent.sum(),
                cpuSeconds(options.get("console-pid")) - consoleCpuAtStart, cpuSeconds("self") - selfCpuAtStart);
        quietPeriod();
        stopping = true;
        channels.forEach(ManagedChannel::shutdownNow);
        timers.shutdownNow();
    }

    private String healthSummary() {
        long[] sorted;
        synchronized (healthMillis) {
            sorted = healthMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        long p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)];
        return String.format("%d checks, p99 %d ms, slowest %d ms (at %.0f s), %d failed", healthChecks.get(), p99,
                healthWorstMillis.get(), healthWorstAtSeconds, healthFailures.get());
    }

    /**
     * With --data-file and --quiet-seconds: the agents stay connected (heartbeats only) and the H2 file's size is
     * read every second, so the run shows whether the console gives back the disk a burst took.
     */
    private void quietPeriod() throws InterruptedException {
        if (!options.containsKey("data-file")) {
            return;
        }
        Path file = Path.of(options.get("data-file"));
        int quiet = Integer.parseInt(options.getOrDefault("quiet-seconds", "0"));
        long atLastAck = sizeOf(file);
        long smallest = atLastAck;
        for (int s = 0; s < quiet; s++) {
            Thread.sleep(1000); // sampling a file's size once a second, not waiting for an event
            smallest = Math.min(smallest, sizeOf(file));
        }
        System.out.printf("  %s %s: data file %,d bytes at the last Ack; after %d s quiet %,d bytes (smallest %,d)%n",
                options.getOrDefault("label", "?"), mode, atLastAck, quiet, sizeOf(file), smallest);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format("%,d ms", sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)] / 1_000_000);
    }

    /** Enrols every agent, 16 at a time, as a rollout through MDM would. */
    private List<Enrolled> enrolAll(List<ManagedChannel> channels) throws Exception {
        String token = Files.readString(Path.of(options.get("token-file"))).strip();
        Enrolled[] result = new Enrolled[agents];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                EnrollResponse r = AgentGatewayGrpc.newBlockingStub(channels.get(n))
                        .withDeadlineAfter(120, TimeUnit.SECONDS)
                        .enroll(EnrollRequest.newBuilder().setEnrolmentToken(token)
                                .setDevice(TestAgentClient.facts("LOAD-" + n)).build());
                result[n] = new Enrolled(r.getDeviceId(), r.getDeviceCredential());
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        System.err.printf("enrolled %d agents%n", agents);
        return List.of(result);
    }

    private Thread startHealthPolling() throws Exception {
        if (!options.containsKey("http-port")) {
            return new Thread(() -> { });
        }
        HttpsClient http = new HttpsClient(Integer.parseInt(options.get("http-port")), certificate);
        // A monitor polls all day: its connection and the console's handler are warm before 8:45.
        for (int i = 0; i < 20; i++) {
            try {
                http.get("/api/health");
            } catch (java.io.IOException e) {
                System.err.println("health warm-up: " + e); // counted only once the storm starts
            }
        }
        startNanos = System.nanoTime();
        return Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long t0 = System.nanoTime();
                try {
                    int status = http.get("/api/health").statusCode();
                    if (status != 200) {
                        healthFailures.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    healthFailures.incrementAndGet();
                }
                long took = (System.nanoTime() - t0) / 1_000_000;
                healthMillis.add(took);
                if (took > healthWorstMillis.get()) {
                    healthWorstAtSeconds = (System.nanoTime() - startNanos) / 1e9;
                }
                healthWorstMillis.accumulateAndGet(took, Math::max);
                healthChecks.incrementAndGet();
                try {
                    Thread.sleep(250); // a monitoring poll, not a wait in a test
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private double consoleCpuAtStart;
    private double selfCpuAtStart;

    /** User plus system CPU time of a process so far, from /proc (clock ticks of 10 ms); 0 if unknown. */
    private static double cpuSeconds(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmRSS and VmHWM of the console process and its heap after the run (jcmd GC.heap_info). */
    private String consoleMemory() {
        String pid = options.get("console-pid");
        if (pid == null) {
            return "- | -";
        }
        try {
            String rss = "?";
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    rss = (Long.parseLong(line.replaceAll("\\D", "")) / 1024) + " MB";
                }
            }
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    pid, "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            String heap = m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MB" : "?";
            return heap + " | " + rss;
        } catch (Exception e) {
            return "? | ?";
        }
    }

    /** One device: its session, its spool of alerts (acknowledged ones are dropped), its resends. */
    private final class SimulatedAgent implements StreamObserver<ConsoleMessage> {

        private final int index;
        private final ManagedChannel channel;
        private final Enrolled device;
        private final CountDownLatch done;
        private final ScheduledExecutorService timers;
        private final long[] sentAt;
        private final AgentMessage[] alerts;
        private StreamObserver<AgentMessage> out;
        private boolean helloAcked;
        private long ackedUpTo;
        private long lastSent;
        private boolean finished;
        /** flood: false until every agent holds its session. */
        private boolean released = !mode.equals("flood");
        private boolean counted;
        private java.util.concurrent.ScheduledFuture<?> heartbeat;

        SimulatedAgent(int index, ManagedChannel channel, Enrolled device, CountDownLatch done,
                       ScheduledExecutorService timers) {
            this.index = index;
            this.channel = channel;
            this.device = device;
            this.done = done;
            this.timers = timers;
            this.sentAt = new long[alertsPerAgent + 1];
            this.alerts = new AgentMessage[alertsPerAgent + 1];
            for (int s = 1; s <= alertsPerAgent; s++) {
                alerts[s] = TestAgentClient.message(TestAgentClient.alert(s, "bullying", 3, "load " + index + "/" + s));
            }
        }

        synchronized void connect() {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-vigil-device-id", Metadata.ASCII_STRING_MARSHALLER), device.deviceId());
            headers.put(Metadata.Key.of("x-vigil-device-credential", Metadata.ASCII_STRING_MARSHALLER),
                    device.credential());
            helloAcked = false;
            lastSent = ackedUpTo;
            out = AgentGatewayGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .session(this);
            out.onNext(TestAgentClient.hello("pupil" + index, "LOAD-" + index));
            heartbeat = timers.scheduleAtFixedRate(this::heartbeat, 10, 10, TimeUnit.SECONDS);
        }

        private synchronized void heartbeat() {
            if (out != null) {
                out.onNext(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                        .setSpoolDepth(alertsPerAgent - ackedUpTo)).build());
            }
        }

        synchronized void release() {
            released = true;
            if (out != null && helloAcked) {
                sendWindow();
            }
        }

        private void sendWindow() {
            if (!released) {
                return;
            }
            while (lastSent < alertsPerAgent && lastSent - ackedUpTo < IN_FLIGHT) {
                lastSent++;
                if (sentAt[(int) lastSent] != 0) {
                    resent.increment();
                }
                sentAt[(int) lastSent] = System.nanoTime();
                out.onNext(alerts[(int) lastSent]);
            }
        }

        @Override
        public synchronized void onNext(ConsoleMessage message) {
            if (!message.hasAck()) {
                return;
            }
            long upTo = message.getAck().getUpToSequence();
            if (!helloAcked) {
                helloAcked = true;
                sessionsHeld.incrementAndGet();
                long mark = Math.min(upTo, alertsPerAgent);
                if (mark > ackedUpTo) {
                    acked.add(mark - ackedUpTo); // stored before the session broke, acknowledged by the mark
                    ackedUpTo = mark;
                }
                lastSent = ackedUpTo;
                if (!released && !counted) {
                    counted = true;
                    flooders.add(this);
                    allHeld.countDown();
                }
            } else {
                long now = System.nanoTime();
                for (long s = ackedUpTo + 1; s <= Math.min(upTo, lastSent); s++) {
                    int slot = latencyCount.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = now - sentAt[(int) s];
                    }
                    acked.increment();
                }
                ackedUpTo = Math.max(ackedUpTo, Math.min(upTo, lastSent));
            }
            sendWindow();
            if (ackedUpTo >= alertsPerAgent && !finished) {
                finished = true;
                done.countDown(); // the session stays open, as a real agent's does
            }
        }

        @Override
        public synchronized void onError(Throwable t) {
            if (helloAcked) {
                sessionsHeld.decrementAndGet();
            }
            sessionsBroken.incrementAndGet();
            out = null;
            heartbeat.cancel(false);
            if (stopping) {
                return;
            }
            timers.schedule(this::connect, 200 + ThreadLocalRandom.current().nextInt(800), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onCompleted() {
            onError(new IllegalStateException("console closed the session"));
        }
    }
}
