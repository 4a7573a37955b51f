package io.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.capture.session.CurrentUser;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.policy.MonitoringGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-facing side follows a user switch: wired as the agent wires it (no display, so the notice waits on
 * the real help page, served on loopback), with the signed-in user changed through {@link CurrentUser}.
 */
class UserFacingTest {

    @TempDir
    Path dir;

    private final List<DeviceRecord> spooled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CurrentUser current = new CurrentUser("pupil.amy");
    private UserFacing userFacing;
    private URI page;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("agent.properties");
        new ConfigFile(file).write(AgentConfig.enrolled(ConsoleAddress.parse("127.0.0.1:7443"),
                CertificatePin.parse("ab".repeat(32)), "dev-1", "secret", file));
        AgentConfig config = new ConfigFile(file).load();
        Properties linux = new Properties();
        linux.setProperty("os.name", "Linux");
        Platform headless = new Platform(linux, Map.of(), dir.resolve("machine-id"));
        userFacing = UserFacing.start(headless, config, current, u -> MonitoringGroup.PUPILS, spooled::add,
                new ArrayList<>(), new LinkedHashMap<>());
        page = URI.create(Files.readString(config.statePath().resolve(UserFacing.HELP_URL_FILE)).strip());
    }

    @AfterEach
    void stop() {
        userFacing.close();
    }

    @Test
    void theNextUserIsAskedToAcceptTheNoticeAndAcceptsItAsThemselves() throws Exception {
        assertEquals(200, post("accept", "").statusCode());
        assertFalse(get().contains("I understand"), "pupil.amy accepted");

        current.signedIn("pupil.ben");

        assertTrue(get().contains("I understand"), "pupil.ben has not accepted the notice yet");
        assertEquals(200, post("accept", "").statusCode());
        assertEquals(List.of("pupil.amy", "pupil.ben"), spooled.stream()
                .map(r -> ((NoticeAcceptanceRecord) r).user()).toList());
    }

    @Test
    void aRequestForHelpAfterASwitchNamesTheUserWhoSentIt() throws Exception {
        current.signedIn("pupil.ben");
        assertEquals(200, post("ask", "kind=need_help").statusCode());
        AlertRecord alert = (AlertRecord) spooled.getLast();
        assertEquals("pupil.ben", alert.user());
    }

    private String get() throws Exception {
        return http.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(page.resolve(path)).header("Origin", "http://127.0.0.1:" + page.getPort())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
