package io.vigil.keywords.cli;

import io.vigil.keywords.Fixtures;
import io.vigil.keywords.KeywordEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the CLI in-process with captured streams. */
class ListsMainTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ListsMain.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String basic() {
        return Fixtures.dir("basic").toString();
    }

    @Test
    void scanWritesOneJsonObjectPerInputLine() {
        Run r = run("I want to kill myself\nhello there\n\"kms\" \\ tab\tend\n", "scan", "--lists", basic());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                {"line":1,"alert":true,"category":"suicide","severity":5,"rules":["su.kill-myself"],"snippet":"I want to kill myself","language":"en"}
                {"line":2,"alert":false}
                {"line":3,"alert":true,"category":"suicide","severity":4,"rules":["su.kms"],"snippet":"\\"kms\\" \\\\ tab\\tend","language":"en"}
                """, r.out());
    }

    @Test
    void scanReadsAFileAndKeepsEmojiAsUtf8() throws Exception {
        Path input = tmp.resolve("in.txt");
        Files.writeString(input, "🔪 kys 🔪\n");
        Run r = run("", "scan", "--lists", basic(), input.toString());
        assertEquals("{\"line\":1,\"alert\":true,\"category\":\"bullying\",\"severity\":4,\"rules\":[\"bu.kys\"],"
                + "\"snippet\":\"🔪 kys 🔪\",\"language\":\"en\"}\n", r.out());
    }

    @Test
    void scanBySourceAppliesDomainListsOnlyToAddresses() {
        Run typed = run("https://www.xvideos.com/video1\n", "scan");
        Run url = run("https://www.xvideos.com/video1\n", "scan", "--source", "url");
        assertTrue(url.out().contains("\"category\":\"sexual_content\""), url.out());
        assertTrue(url.out().contains("sc.site.xvideos"), url.out());
        assertTrue(!typed.out().contains("sc.site.xvideos"), typed.out());
        Run bad = run("", "scan", "--source", "email");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("source \"email\" is not one of typed, search, title, url"), bad.err());
    }

    @Test
    void scanDefaultsToTheShippedLists() {
        Run r = run("i want to kill myself\n", "scan");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("{\"line\":1,\"alert\":true,\"category\":\"suicide\""), r.out());
    }

    @Test
    void scanOfAMissingFileFailsClearly() {
        Run r = run("", "scan", "--lists", basic(), tmp.resolve("missing.txt").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file: "), r.err());
    }

    @Test
    void scanOfTextThatIsNotUtf8StopsWithAClearErrorNamingTheLine() throws Exception {
        Path input = tmp.resolve("latin1.txt");
        Files.write(input, "hello\r\nkms\ncaf\u00e9 kms\nlast\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run("", "scan", "--lists", basic(), input.toString());
        assertEquals(2, r.code());
        assertEquals("{\"line\":1,\"alert\":false}\n{\"line\":2,\"alert\":true,\"category\":\"suicide\",\"severity\":4,"
                + "\"rules\":[\"su.kms\"],\"snippet\":\"kms\",\"language\":\"en\"}\n", r.out());
        assertEquals("vigil-lists scan: " + input + " line 3 is not valid UTF-8\n", r.err());
    }

    @Test
    void scanOfStandardInputThatIsNotUtf8NamesStandardInput() {
        Run r = run(new byte[] {'k', 'm', 's', (byte) 0xFF}, "scan", "--lists", basic());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("vigil-lists scan: standard input line 1 is not valid UTF-8\n", r.err());
    }

    @Test
    void scanKeepsTheLastLineWithoutANewlineAndEmptyLines() {
        Run r = run("\nkms", "scan", "--lists", basic());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("{\"line\":1,\"alert\":false}\n{\"line\":2,\"alert\":true"), r.out());
    }

    @Test
    void jsonEscapesEveryControlCharacterAndTheJavaScriptLineSeparators() {
        for (char c = 0; c < 0x20; c++) {
            String json = Json.string("a" + c + "b");
            assertTrue(json.matches("\"a\\\\(u00[01][0-9a-f]|[bfnrt])b\""), () -> "U+" + Integer.toHexString(json.charAt(2)) + " -> " + json);
        }
        assertEquals("\"\\u007f\\u2028\\u2029\\\"\\\\/\"", Json.string("\u007f\u2028\u2029\"\\/"));
        assertEquals("\"\\udc00x\\ud800\"", Json.string("\udc00x\ud800"));
    }

    @Test
    void validatePrintsCountsAndVersion() {
        Run r = run("", "validate", basic());
        assertEquals(0, r.code());
        assertEquals("OK 3 categories, " + Fixtures.basic().ruleCount() + " rules, version " + Fixtures.basic().version()
                + "\n", r.out());
    }

    @Test
    void validateListsEveryProblemOnStderrAndExitsOne() throws Exception {
        Files.writeString(tmp.resolve("categories.txt"), "alpha\tAlpha\tFirst\tcontent\t-\n");
        Files.writeString(tmp.resolve("alpha.vkl"), "@category alpha\nterm a.x 0 9 \"xx\"\n");
        Run r = run("", "validate", tmp.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("alpha.vkl:2: weight 0 out of range 1-100 (or banned)\n"), r.err());
        assertTrue(r.err().contains("alpha.vkl:2: severity 9 out of range 1-5 (or - for the file's @severity)\n"), r.err());
        assertTrue(r.err().contains("alpha.vkl: missing header @threshold\n"), r.err());
    }

    @Test
    void compileWritesABundleThatLoadsWithTheSameVersion() throws Exception {
        Path out = tmp.resolve("lists.bundle");
        Run r = run("", "compile", basic(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Fixtures.basic().version() + "\n", r.out());
        assertEquals(Fixtures.basic().version(), KeywordEngine.loadBundle(out).version());
        Run scan = run("kms\n", "scan", "--bundle", out.toString());
        assertTrue(scan.out().contains("\"rules\":[\"su.kms\"]"), scan.out());
    }

    @Test
    void compileRefusesBadListsAndWritesNothing() throws Exception {
        Files.writeString(tmp.resolve("categories.txt"), "alpha\tAlpha\tFirst\tcontent\t-\n");
        Path out = tmp.resolve("lists.bundle");
        Run r = run("", "compile", tmp.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("category alpha has no list file alpha.vkl"), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void unknownFlagIsAUsageError() {
        Run r = run("", "scan", "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        Run r = run("");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing command"), r.err());
    }

    @Test
    void jsonEscapesControlCharactersAndLoneSurrogates() {
        assertEquals("\"a\\u0001b\\u2028\\ud800\"", Json.string("a\u0001b\u2028\ud800"));
        assertEquals("\"😀\"", Json.string("😀"));
    }
}
