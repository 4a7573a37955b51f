package io.vigil.keywords;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordEngineTest {

    private final KeywordEngine engine = Fixtures.basic();

    @Test
    void bannedTermAlertsWithCategorySeverityAndOffsets() {
        Verdict v = engine.scan("I want to kill myself");
        assertTrue(v.alert());
        assertEquals("suicide", v.category());
        assertEquals(5, v.severity());
        assertEquals(java.util.List.of("su.kill-myself"), v.ruleIds());
        assertEquals(10, v.matchStart());
        assertEquals(21, v.matchEnd());
        assertEquals("I want to kill myself", v.snippet());
    }

    @Test
    void harmlessTextGivesNoAlert() {
        Verdict v = engine.scan("See you at football practice after school");
        assertFalse(v.alert());
        assertEquals(Verdict.NONE, v);
    }

    @Test
    void nullTextIsTreatedAsEmpty() {
        assertFalse(engine.scan(null).alert());
    }

    @Test
    void versionIsAContentHash() {
        assertTrue(engine.version().matches("sha256:[0-9a-f]{64}"), engine.version());
        assertEquals(engine.version(), Fixtures.basic().version());
    }
}
