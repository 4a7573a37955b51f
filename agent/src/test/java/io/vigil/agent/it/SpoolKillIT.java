package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.testing.Alerts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert is on disk once append returns: kill -9 a writing JVM and every reported alert is still there. */
class SpoolKillIT {

    @TempDir
    Path dir;

    /** Lines the child finished writing; a line cut off by the kill is not a report. */
    private static List<String> completeLines(Path report) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    }

    @Test
    void everyAppendedAlertSurvivesKillDashNineMidWrite() throws Exception {
        Path file = dir.resolve("spool.mv.db");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path report = dir.resolve("appended.txt");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolWriterMain.class.getName(), file.toString())
                .redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // A hang guard: a JVM start on a loaded machine has taken tens of seconds; the loop ends at 40 lines.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (completeLines(report).size() < 40) {
            assertTrue(System.nanoTime() < deadline && child.isAlive(), "child stopped appending");
            Thread.sleep(10);
        }
        child.destroyForcibly(); // SIGKILL while the child keeps appending
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        Map<Long, String> reported = new LinkedHashMap<>();
        for (String line : completeLines(report)) {
            String[] parts = line.split(" ");
            reported.put(Long.parseLong(parts[1]), parts[2]);
        }
        assertTrue(reported.size() >= 40, "child reported " + reported.size());

        try (AlertSpool spool = AlertSpool.open(file)) {
            Map<Long, String> found = new LinkedHashMap<>();
            for (SpooledRecord a : spool.pending()) {
                found.put(a.sequence(), a.record().uuid().toString());
            }
            reported.forEach((seq, uuid) -> assertEquals(uuid, found.get(seq), "alert " + seq + " lost"));
            long highest = found.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertEquals(found.size(), highest, "sequences 1..n without gaps");
            assertEquals(highest + 1, spool.append(Alerts.sample()).sequence());
        }
    }
}
