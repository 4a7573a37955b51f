package io.vigil.agent.capture.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownLockersTest {

    @TempDir
    Path proc;

    private void process(String pid, String... argv) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid));
        Files.write(dir.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsALockOnlyLockerByItsProgramName() throws IOException {
        process("1", "/sbin/init");
        process("812", "/usr/bin/xscreensaver", "-nosplash"); // a daemon: running says nothing
        assertEquals(Optional.empty(), new KnownLockers(proc).running());
        process("4242", "/usr/bin/i3lock", "-n", "-c", "000000");
        assertEquals(Optional.of("i3lock"), new KnownLockers(proc).running());
    }

    @Test
    void namesLongerThanTheKernelsCommFieldAreRecognised() throws IOException {
        process("77", "/usr/lib/x86_64-linux-gnu/libexec/kscreenlocker_greet", "--immediateLock");
        assertEquals(Optional.of("kscreenlocker_greet"), new KnownLockers(proc).running());
    }

    @Test
    void entriesThatAreNotProcessesOrCannotBeReadAreSkipped() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("99")); // ended while listed: no cmdline
        Files.writeString(proc.resolve("uptime"), "1.0 1.0");
        assertEquals(Optional.empty(), new KnownLockers(proc).running());
    }
}
