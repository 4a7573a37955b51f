package io.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's side of the settings and notice acceptances, from a real config file. */
class HelperSessionsTest {

    @TempDir
    Path dir;

    private final List<DeviceRecord> spooled = new CopyOnWriteArrayList<>();

    private HelperSessions sessions(String... lines) throws Exception {
        Path file = dir.resolve("agent.properties");
        new ConfigFile(file).write(AgentConfig.enrolled(ConsoleAddress.parse("127.0.0.1:7443"),
                CertificatePin.parse("ab".repeat(32)), "dev-1", "device-secret-xyz", file));
        Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
        return new HelperSessions(new ConfigFile(file).load(), spooled::add);
    }

    @Test
    void theSchoolsScopeForTheUsersGroupIsSentAndNoSecretIs() throws Exception {
        HelperMessage.Settings s = sessions("monitor.pupils=never", "capture.windows=false",
                "notice.version=2026-09").settingsFor("pupil.amy");
        assertEquals("pupils", s.group());
        assertEquals("never", s.when());
        assertFalse(s.windows());
        assertTrue(s.showNotice());
        assertEquals("2026-09", s.noticeVersion());
        String wire = new String(HelperCodec.encode(s), StandardCharsets.UTF_8);
        for (String secret : List.of("device-secret-xyz", "127.0.0.1", "ab".repeat(32), "spool")) {
            assertFalse(wire.contains(secret), secret + " must not cross the helper socket");
        }
    }

    @Test
    void anAcceptanceOfTheNoticeInForceIsSpooledOnceForTheVerifiedUserAndAnyOtherVersionIsNot() throws Exception {
        HelperSessions sessions = sessions("notice.version=2026-09");
        sessions.noticeAccepted("pupil.amy", "2025-01");
        assertTrue(spooled.isEmpty(), "an old or forged version is not recorded");
        sessions.noticeAccepted("pupil.amy", "2026-09");
        sessions.noticeAccepted("pupil.amy", "2026-09");
        assertEquals(1, spooled.size(), spooled::toString);
        NoticeAcceptanceRecord r = (NoticeAcceptanceRecord) spooled.get(0);
        assertEquals("pupil.amy", r.user());
        assertEquals("2026-09", r.noticeVersion());
        assertEquals("pupils", r.group());
        assertFalse(sessions.settingsFor("pupil.amy").showNotice(), "accepted: not shown again");
    }
}
