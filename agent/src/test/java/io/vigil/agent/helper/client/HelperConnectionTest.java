package io.vigil.agent.helper.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail closed: a helper is only handed a connection (and so only starts capture) once the school's settings
 * have arrived. A service that accepts but sends no settings, or sends something else, leaves it with none.
 */
class HelperConnectionTest {

    @TempDir
    Path dir;

    /** A real socket whose "service" says Accepted, then does {@code after} with the connection. */
    private Path service(java.util.function.Consumer<DataOutputStream> after, CompletableFuture<Void> done)
            throws Exception {
        Path socket = dir.resolve("helper.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().start(() -> {
            try (server; SocketChannel peer = server.accept()) {
                Frames.read(new DataInputStream(Channels.newInputStream(peer))); // Hello
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(peer));
                Frames.write(out, HelperCodec.encode(new HelperMessage.Accepted()));
                after.accept(out);
                done.get(30, TimeUnit.SECONDS); // hold the connection open, silent, until the test ends
            } catch (Exception ignored) {
                // the test's assertions say what went wrong
            }
        });
        return socket;
    }

    @Test
    void aServiceThatAcceptsButSendsNoSettingsGetsNoCapturingHelper() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Path socket = service(out -> { }, done);
        try {
            HelperRefusedException e = assertThrows(HelperRefusedException.class,
                    () -> HelperConnection.open(socket, "pupil", 1));
            assertTrue(e.getMessage().contains("sent no settings"), e.getMessage());
        } finally {
            done.complete(null);
        }
    }

    @Test
    void anythingButSettingsAfterAcceptedLeavesTheHelperWithout() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Path socket = service(out -> {
            try {
                Frames.write(out, HelperCodec.encode(new HelperMessage.Accepted()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, done);
        try {
            HelperRefusedException e = assertThrows(HelperRefusedException.class,
                    () -> HelperConnection.open(socket, "pupil", 10));
            assertTrue(e.getMessage().contains("sent no settings"), e.getMessage());
        } finally {
            done.complete(null);
        }
    }
}
