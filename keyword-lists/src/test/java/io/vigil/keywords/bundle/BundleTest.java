package io.vigil.keywords.bundle;

import io.vigil.keywords.Fixtures;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleTest {

    @TempDir
    Path dir;

    private Path copyOfBasic() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.dir("basic"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void sameListsGiveTheSameVersionAndIdenticalBytes() throws Exception {
        KeywordEngine a = KeywordEngine.load(Fixtures.dir("basic"));
        KeywordEngine b = KeywordEngine.load(copyOfBasic());
        assertEquals(a.version(), b.version());
        assertArrayEquals(a.bundleBytes(), b.bundleBytes());
    }

    @Test
    void commentsAndLayoutDoNotChangeTheVersion() throws Exception {
        String before = KeywordEngine.load(copyOfBasic()).version();
        Path file = dir.resolve("bullying.vkl");
        String text = Files.readString(file);
        Files.writeString(file, "# reviewed by the DSL\n" + text.replace("   ", "\t").replace("\n", "   # note\n"));
        assertEquals(before, KeywordEngine.load(dir).version());
    }

    @Test
    void changingARuleChangesTheVersion() throws Exception {
        String before = KeywordEngine.load(copyOfBasic()).version();
        Path file = dir.resolve("bullying.vkl");
        Files.writeString(file, Files.readString(file).replace("\"loser\"", "\"losers\""));
        assertNotEquals(before, KeywordEngine.load(dir).version());
    }

    @Test
    void engineFromBundleBehavesLikeTheOriginal() throws Exception {
        KeywordEngine original = Fixtures.basic();
        KeywordEngine restored = KeywordEngine.fromBundle(original.bundleBytes());
        assertEquals(original.version(), restored.version());
        for (String text : new String[] {"kms", "suicide squad", "nobody likes you loser", "hello"}) {
            assertEquals(original.scan(text), restored.scan(text), text);
        }
    }

    @Test
    void bundleIsReadableTextHeadedByItsVersion() {
        KeywordEngine engine = Fixtures.basic();
        String text = new String(engine.bundleBytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("vigil-keyword-bundle 1\nversion " + engine.version() + "\nfile categories.txt "), text);
        assertTrue(text.contains("term su.kms banned 4 \"kms\"\n"));
    }

    @Test
    void tamperedBundleIsRefused() {
        byte[] bytes = Fixtures.basic().bundleBytes();
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\"kms\"", "\"kmz\"");
        ListValidationException e = assertThrows(ListValidationException.class,
                () -> KeywordEngine.fromBundle(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problems().getFirst().startsWith("bundle: content does not match its version"), e.getMessage());
    }

    @Test
    void garbageIsRefused() {
        ListValidationException e = assertThrows(ListValidationException.class,
                () -> KeywordEngine.fromBundle("hello\nworld\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("bundle: not a Vigil keyword bundle (expected first line \"vigil-keyword-bundle 1\")",
                e.problems().getFirst());
    }

    @Test
    void bundleFileRoundTrips() throws Exception {
        KeywordEngine engine = Fixtures.basic();
        Path file = dir.resolve("lists.bundle");
        Files.write(file, engine.bundleBytes());
        assertEquals(engine.version(), KeywordEngine.loadBundle(file).version());
    }
}
