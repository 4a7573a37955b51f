package io.vigil.console.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C at any moment of the demo must leave no agent process behind. */
class DemoAgentShutdownTest {

    @TempDir
    Path dir;

    @Test
    void closingDuringEnrolmentStopsTheEnrollingAgentAndNoReplayStartsAfterwards() throws Exception {
        // A stand-in "java" that records its pid and hangs, like an agent waiting for a slow console.
        Path pidFile = dir.resolve("agent.pid");
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 60\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
        DemoAgent agent = new DemoAgent(fakeJava, dir.resolve("vigil-agent.jar"), dir.resolve("demo-agent"));

        CompletableFuture<Void> enrolling = CompletableFuture.runAsync(() -> {
            try {
                agent.enrol(9443, "token", "00".repeat(32));
            } catch (Exception expected) {
                // the process was stopped under it
            }
        });
        long pid = awaitPid(pidFile);
        agent.close();

        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        assertFalse(handle.isPresent() && handle.get().isAlive(), "the enrolling agent outlived the demo");
        enrolling.get();
        assertThrows(ConsoleException.class, agent::replay, "a replay must not start after shutdown");
    }

    private static long awaitPid(Path pidFile) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2)); // a hang guard; the pid file ends it
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) {
                return Long.parseLong(Files.readString(pidFile).strip());
            }
            Thread.sleep(50);
        }
        assertTrue(false, "the stand-in agent never started");
        return -1;
    }
}
