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
import java.util.List;
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
    void lineEndingsByteOrderMarkAndTrailingSpacesDoNotChangeTheVersion() throws Exception {
        String before = KeywordEngine.load(copyOfBasic()).version();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f).replace("\n", "  \t\r\n");
                Files.write(f, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(before, KeywordEngine.load(dir).version());
    }

    /** A bundle edited by hand and given a matching hash: only re-validation stands between it and an agent. */
    private static byte[] rehashed(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return (Bundle.MAGIC + "\nversion sha256:" + Bundle.sha256(bytes) + "\n" + payload).getBytes(StandardCharsets.UTF_8);
    }

    private static String payloadOf(KeywordEngine engine) {
        String text = new String(engine.bundleBytes(), StandardCharsets.UTF_8);
        return text.substring(text.indexOf('\n', text.indexOf('\n') + 1) + 1);
    }

    @Test
    void rehashedBundleWithAnInvalidRuleIsRefusedByReValidation() {
        String payload = payloadOf(Fixtures.basic());
        String broken = payload.replace("term su.kms banned 4 \"kms\"", "term su.kms banned 9 \"kms\"");
        assertNotEquals(payload, broken);
        // The file's byte length is unchanged (4 -> 9), so only validation can catch it.
        ListValidationException e = assertThrows(ListValidationException.class, () -> KeywordEngine.fromBundle(rehashed(broken)));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("suicide.vkl:") && p.contains("severity 9 out of range")),
                e.getMessage());
    }

    @Test
    void bundleNamingAFileTwiceIsRefused() {
        String payload = payloadOf(Fixtures.basic());
        int bullying = payload.indexOf("file bullying.vkl ");
        String twice = payload + payload.substring(bullying).replace("term bu.kys", "term bu.kyz");
        ListValidationException e = assertThrows(ListValidationException.class, () -> KeywordEngine.fromBundle(rehashed(twice)));
        assertEquals(List.of("bundle: file bullying.vkl appears twice"), e.problems());
    }

    @Test
    void bundleWithBytesThatAreNotUtf8IsRefused() {
        // "kms" becomes "km" + Latin-1 é: same byte length, and U+FFFD would have loaded as a valid pattern.
        String payload = payloadOf(Fixtures.basic());
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        int s = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"kms\"") + 3;
        body[s] = (byte) 0xE9;
        byte[] head = (Bundle.MAGIC + "\nversion sha256:" + Bundle.sha256(body) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, bytes, head.length, body.length);
        ListValidationException e = assertThrows(ListValidationException.class, () -> KeywordEngine.fromBundle(bytes));
        assertEquals(List.of("bundle: file suicide.vkl is not valid UTF-8"), e.problems());
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
