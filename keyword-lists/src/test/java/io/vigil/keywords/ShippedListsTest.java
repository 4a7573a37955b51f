package io.vigil.keywords;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lists shipped in the jar must always validate; a bad edit fails the build here. */
class ShippedListsTest {

    @Test
    void shippedListsLoadFromTheClasspath() {
        KeywordEngine engine = KeywordEngine.bundled();
        assertTrue(engine.categoryCount() > 0);
        assertTrue(engine.ruleCount() > 0);
        assertTrue(engine.version().startsWith("sha256:"));
    }

    @Test
    void shippedListsValidateAsADirectoryWithTheSameVersion() throws ListValidationException {
        KeywordEngine fromDir = KeywordEngine.load(Path.of("src/main/resources/io/vigil/keywords/lists"));
        assertEquals(KeywordEngine.bundled().version(), fromDir.version());
    }

    @Test
    void shippedListsCatchAPlainDisclosure() {
        Verdict v = KeywordEngine.bundled().scan("i want to kill myself");
        assertTrue(v.alert());
        assertEquals("suicide", v.category());
    }
}
