package io.vigil.agent.tamper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangeWatchTest {

    @TempDir
    Path dir;

    @Test
    void anEditIsNoticedThroughTheKernelsFileEvents() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.properties"), "device.id=a\n");
        Path resolv = Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        LinkedBlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (FileChangeWatch watch = new FileChangeWatch(List.of(config, resolv), changed::add)) {
            Files.writeString(resolv, "nameserver 1.1.1.1\n");
            assertEquals(resolv.toAbsolutePath(), changed.poll(30, TimeUnit.SECONDS));
            Files.delete(config);
            assertEquals(config.toAbsolutePath(), changed.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void rewritingTheSameContentIsNoChangeAndAFileThatAppearsIs() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.properties"), "device.id=a\n");
        Path dropIn = dir.resolve("resolved.conf.d/vigil.conf"); // its directory does not exist yet: polled only
        LinkedBlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (FileChangeWatch watch = new FileChangeWatch(List.of(config, dropIn), changed::add)) {
            Files.writeString(config, "device.id=a\n");
            watch.rescan();
            Files.createDirectories(dropIn.getParent());
            Files.writeString(dropIn, "[Resolve]\nDNS=9.9.9.9\n");
            watch.rescan();
            assertEquals(dropIn.toAbsolutePath(), changed.poll(30, TimeUnit.SECONDS));
            assertNull(changed.poll(0, TimeUnit.SECONDS), "the unchanged config was reported");
        }
    }
}
