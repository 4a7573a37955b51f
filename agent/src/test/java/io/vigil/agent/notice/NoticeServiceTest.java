package io.vigil.agent.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.NoticeTexts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeServiceTest {

    @TempDir
    Path dir;

    private final List<DeviceRecord> spooled = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:45:00Z"), ZoneOffset.UTC);

    private NoticeService service(NoticeTexts texts) {
        return new NoticeService(texts, user -> user.startsWith("mr") ? MonitoringGroup.STAFF : MonitoringGroup.PUPILS,
                AcceptanceLog.open(dir.resolve("acceptances.tsv")), spooled::add, clock, "dev-1");
    }

    private static NoticeTexts texts(String version) {
        return new NoticeTexts(version, Map.of(MonitoringGroup.PUPILS, "Pupils are monitored.",
                MonitoringGroup.STAFF, "Staff are monitored."));
    }

    @Test
    void theFirstAcceptanceOfAVersionIsSpooledOnceEvenAcrossRestarts() {
        NoticeService notices = service(texts("2026-09"));
        assertTrue(notices.needsAcceptance("pupil.one"));
        assertTrue(notices.accept("pupil.one"));
        assertFalse(notices.accept("pupil.one"), "accepting again sends nothing");
        assertFalse(notices.needsAcceptance("pupil.one"));

        NoticeService afterRestart = service(texts("2026-09"));
        assertFalse(afterRestart.needsAcceptance("pupil.one"), "the device remembers");
        assertFalse(afterRestart.accept("pupil.one"));

        assertEquals(1, spooled.size());
        NoticeAcceptanceRecord record = (NoticeAcceptanceRecord) spooled.getFirst();
        assertEquals("pupil.one", record.user());
        assertEquals("2026-09", record.noticeVersion());
        assertEquals("pupils", record.group());
        assertEquals(clock.instant(), record.acceptedAt());
    }

    @Test
    void eachUserAndEachNewVersionIsAskedSeparately() {
        service(texts("2026-09")).accept("pupil.one");
        NoticeService notices = service(texts("2026-09"));
        assertTrue(notices.needsAcceptance("mr.khan"));
        assertEquals("Staff are monitored.", notices.noticeFor("mr.khan").text());
        assertTrue(notices.accept("mr.khan"));

        NoticeService reworded = service(texts("2027-01"));
        assertTrue(reworded.needsAcceptance("pupil.one"), "a new version is accepted afresh");
        assertTrue(reworded.accept("pupil.one"));
        assertEquals(List.of("2026-09", "2026-09", "2027-01"),
                spooled.stream().map(r -> ((NoticeAcceptanceRecord) r).noticeVersion()).toList());
    }

    @Test
    void withoutALabelTheVersionIsTheWordingSoChangingItAsksAgain() {
        NoticeTexts a = new NoticeTexts("", Map.of(MonitoringGroup.PUPILS, "One wording."));
        NoticeTexts b = new NoticeTexts("", Map.of(MonitoringGroup.PUPILS, "Another wording."));
        String va = a.noticeFor(MonitoringGroup.PUPILS).version();
        assertTrue(va.startsWith("sha256:"), va);
        assertFalse(va.equals(b.noticeFor(MonitoringGroup.PUPILS).version()));
    }

    @Test
    void aRecordSpooledTwiceAfterACrashCarriesTheSameUuid() {
        service(texts("2026-09")).accept("pupil.one");
        // The agent stopped after spooling but before noting: the log is gone, the user accepts again.
        java.nio.file.Path log = dir.resolve("acceptances.tsv");
        assertTrue(log.toFile().delete());
        service(texts("2026-09")).accept("pupil.one");
        assertEquals(2, spooled.size());
        assertEquals(spooled.get(0).uuid(), spooled.get(1).uuid(), "the console stores it once");
    }
}
