package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.health.Capabilities;
import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.helper.wire.HelperMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HelperPresenceTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CapabilityBoard board = new CapabilityBoard(new Capabilities(List.of("filter.dns"), Map.of()));
    private final List<String> tampered = new ArrayList<>();
    private final HelperPresence presence = new HelperPresence(board, Duration.ofSeconds(60), nanos::get,
            (user, detail) -> tampered.add(user));

    @Test
    void noHelperWithinTheGracePeriodIsAMissingCapability() {
        nanos.set(Duration.ofSeconds(59).toNanos());
        presence.check();
        assertFalse(board.now().unavailable().containsKey(HelperPresence.CAPABILITY));
        nanos.set(Duration.ofSeconds(60).toNanos());
        presence.check();
        assertEquals("no session helper connected for 60 s", board.now().unavailable().get(HelperPresence.CAPABILITY));
        presence.connected("pupil.one");
        assertTrue(board.now().available().contains(HelperPresence.CAPABILITY));
    }

    @Test
    void aHelperThatVanishesIsTamperingAndItsCaptureIsReportedGone() {
        presence.connected("pupil.one");
        presence.capabilities("pupil.one", new HelperMessage.Capabilities(List.of("capture.keyboard"), Map.of()));
        assertTrue(board.now().available().contains("capture.keyboard"));
        presence.disconnected("pupil.one", false);
        assertEquals(List.of("pupil.one"), tampered);
        assertTrue(board.now().unavailable().get("capture.keyboard").startsWith("no session helper"));
    }

    @Test
    void aHelperThatSaysGoodbyeIsNoTampering() {
        presence.connected("pupil.one");
        presence.disconnected("pupil.one", true);
        assertTrue(tampered.isEmpty());
    }
}
