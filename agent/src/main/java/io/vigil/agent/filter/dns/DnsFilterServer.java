package io.vigil.agent.filter.dns;

import io.vigil.agent.filter.FilterEngine;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's local DNS resolver: UDP and TCP on one loopback address and port. UDP queries are read by one
 * thread that answers blocks and cache hits itself (the fast path) and hands only upstream look-ups to
 * dnsjava's asynchronous client. Each TCP connection gets a virtual thread, a read timeout and a size limit.
 */
public final class DnsFilterServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DnsFilterServer.class);
    /** A query is a header and one question: 512 bytes is generous. Longer TCP "queries" are attacks or bugs. */
    static final int MAX_TCP_QUERY = 4096;
    /** A client that opens a connection and sends nothing must not hold it for ever. */
    static final Duration TCP_IDLE = Duration.ofSeconds(10);
    static final int MAX_TCP_CONNECTIONS = 64;

    /**
     * @param listen          loopback address and port (0 picks a free port)
     * @param upstreams       resolvers to forward allowed queries to, in order of preference
     * @param upstreamTimeout how long each upstream gets before the next is tried
     * @param blockAddresses  what blocked names resolve to: the block page's address(es)
     */
    public record Settings(InetSocketAddress listen, List<InetSocketAddress> upstreams, Duration upstreamTimeout,
                           List<InetAddress> blockAddresses) {
    }

    private final DatagramChannel udp;
    private final ServerSocket tcp;
    private final QueryHandler handler;
    private final Semaphore tcpSlots = new Semaphore(MAX_TCP_CONNECTIONS);
    private final Thread udpThread;
    private final Thread tcpThread;
    private volatile boolean closed;

    private DnsFilterServer(DatagramChannel udp, ServerSocket tcp, QueryHandler handler) {
        this.udp = udp;
        this.tcp = tcp;
        this.handler = handler;
        this.udpThread = Thread.ofPlatform().name("vigil-dns-udp").daemon().unstarted(this::serveUdp);
        this.tcpThread = Thread.ofPlatform().name("vigil-dns-tcp").daemon().unstarted(this::serveTcp);
    }

    /** Any-port binds that find the TCP twin taken; ten collisions in a row would mean something else is wrong. */
    private static final int ANY_PORT_ATTEMPTS = 10;

    /**
     * Binds UDP and TCP on the same port and starts serving. With port 0 the port is the one UDP got; another
     * process may hold that number for TCP (a busy test machine), so a few fresh UDP ports are tried.
     */
    public static DnsFilterServer start(Settings settings, FilterEngine engine, InPathProbe probe) throws IOException {
        int attempts = settings.listen().getPort() == 0 ? ANY_PORT_ATTEMPTS : 1;
        DatagramChannel udp = null;
        ServerSocket tcp = null;
        for (int attempt = 1; udp == null; attempt++) {
            DatagramChannel u = DatagramChannel.open();
            ServerSocket t = new ServerSocket();
            try {
                u.bind(settings.listen());
                int port = ((InetSocketAddress) u.getLocalAddress()).getPort();
                t.setReuseAddress(true);
                t.bind(new InetSocketAddress(settings.listen().getAddress(), port), 128);
                udp = u;
                tcp = t;
            } catch (IOException e) {
                u.close();
                t.close();
                if (attempt >= attempts) {
                    throw new IOException("cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
                }
            }
        }
        QueryHandler handler = new QueryHandler(engine, new Upstreams(settings.upstreams(), settings.upstreamTimeout()),
                new AnswerCache(System::nanoTime), settings.blockAddresses(), probe);
        DnsFilterServer server = new DnsFilterServer(udp, tcp, handler);
        server.udpThread.start();
        server.tcpThread.start();
        log.info("DNS filter listening on {} (udp+tcp), upstream {}", server.address(), settings.upstreams());
        return server;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
    }

    private void serveUdp() {
        ByteBuffer in = ByteBuffer.allocate(65_535);
        while (!closed) {
            try {
                in.clear();
                SocketAddress client = udp.receive(in);
                byte[] wire = new byte[in.position()];
                in.flip().get(wire);
                handler.handle(wire, wire.length, false, answer -> sendUdp(answer, client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("DNS over UDP: {}", e.toString()); // one bad packet, not the end of the resolver
                }
            }
        }
    }

    private void sendUdp(byte[] answer, SocketAddress client) {
        if (answer == null) {
            return;
        }
        try {
            udp.send(ByteBuffer.wrap(answer), client);
        } catch (IOException e) {
            log.debug("cannot answer {}: {}", client, e.toString());
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                if (!tcpSlots.tryAcquire()) {
                    s.close(); // over the limit: refuse rather than queue
                    continue;
                }
                Thread.ofVirtual().name("vigil-dns-tcp-conn").start(() -> {
                    try (s) {
                        serveConnection(s);
                    } catch (IOException e) {
                        log.debug("DNS over TCP from {}: {}", s.getRemoteSocketAddress(), e.toString());
                    } finally {
                        tcpSlots.release();
                    }
                });
            } catch (IOException e) {
                if (!closed) {
                    log.warn("DNS over TCP accept: {}", e.toString());
                }
            }
        }
    }

    /** Length-prefixed messages (RFC 1035 4.2.2 / RFC 7766), answered in order; anything malformed closes it. */
    private void serveConnection(Socket s) throws IOException {
        s.setSoTimeout((int) TCP_IDLE.toMillis());
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (!closed) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException | SocketTimeoutException e) {
                return;
            }
            if (length < 12 || length > MAX_TCP_QUERY) {
                log.debug("closing DNS over TCP from {}: message length {}", s.getRemoteSocketAddress(), length);
                return;
            }
            byte[] wire = new byte[length];
            in.readFully(wire);
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            handler.handle(wire, length, true, answer::complete);
            byte[] bytes = answer.join();
            if (bytes == null) {
                return;
            }
            byte[] framed = new byte[bytes.length + 2];
            framed[0] = (byte) (bytes.length >>> 8);
            framed[1] = (byte) bytes.length;
            System.arraycopy(bytes, 0, framed, 2, bytes.length);
            out.write(framed);
            out.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            udp.close();
            tcp.close();
        } catch (IOException e) {
            log.debug("closing DNS filter: {}", e.toString());
        }
    }
}
