package io.vigil.agent.capture.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayScriptTest {

    private static final Path FILE = Path.of("demo.replay");

    @TempDir
    Path dir;

    @Test
    void stepsAreParsedSkippingCommentsAndBlankLines() throws Exception {
        String text = "\uFEFF# a demo\n\n500\tYear 9 chat - Teams\thello everyone\r\n"
                + "  \n0\tSign in - Google\t\n250\tNotes\ttext\twith a tab\n";
        ReplayScript script = ReplayScript.parse(FILE, text);
        assertEquals(List.of(
                new ReplayStep(3, 500, "Year 9 chat - Teams", "hello everyone"),
                new ReplayStep(5, 0, "Sign in - Google", ""),
                new ReplayStep(6, 250, "Notes", "text\twith a tab")), script.steps());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two fields            | 100\\tChat                 | line 1: expected DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT (found 2 fields; are the separators tabs?)",
        "spaces not tabs       | 100 Chat hello             | line 1: expected DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT (found 1 field; are the separators tabs?)",
        "delay not a number    | abc\\tChat\\thello         | line 1: delay 'abc' is not a number",
        "negative delay        | -5\\tChat\\thello          | line 1: delay '-5' is not a number",
        "empty delay           | \\tChat\\thello            | line 1: delay '' is not a number",
        "delay over an hour    | 3600001\\tChat\\thello     | line 1: delay 3600001 ms is more than 3600000 ms",
        "huge delay            | 99999999999999\\tChat\\thi | line 1: delay 99999999999999 ms is more than 3600000 ms",
        "empty window title    | 100\\t \\thello            | line 1: window title is empty",
    })
    void malformedLinesAreRefusedNamingFileLineAndProblem(String name, String line, String expected) {
        var e = assertThrows(ReplayScriptException.class,
                () -> ReplayScript.parse(FILE, line.strip().replace("\\t", "\t") + "\n"));
        assertEquals("replay script demo.replay " + expected, e.getMessage());
    }

    @Test
    void theLineNumberCountsCommentsAndBlankLines() {
        var e = assertThrows(ReplayScriptException.class,
                () -> ReplayScript.parse(FILE, "# comment\n\n0\tChat\tok\nbad line\n"));
        assertEquals("replay script demo.replay line 4: expected DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT "
                + "(found 1 field; are the separators tabs?)", e.getMessage());
    }

    @Test
    void aScriptWithNoStepsIsRefused() {
        var e = assertThrows(ReplayScriptException.class, () -> ReplayScript.parse(FILE, "# only a comment\n\n"));
        assertEquals("replay script demo.replay: no steps (every line is blank or a comment)", e.getMessage());
    }

    @Test
    void missingFileAndInvalidUtf8AreRefused() throws Exception {
        Path missing = dir.resolve("missing.replay");
        assertEquals("replay script " + missing + ": file not found",
                assertThrows(ReplayScriptException.class, () -> ReplayScript.load(missing)).getMessage());
        Path latin1 = dir.resolve("latin1.replay");
        Files.write(latin1, new byte[] {'0', '\t', 'C', '\t', (byte) 0xE9, '\n'});
        assertEquals("replay script " + latin1 + ": not valid UTF-8",
                assertThrows(ReplayScriptException.class, () -> ReplayScript.load(latin1)).getMessage());
    }

    @Test
    void utf8TextIsKept() throws Exception {
        Path file = dir.resolve("utf8.replay");
        Files.writeString(file, "0\tChat – Teams\tGrüße 👋\n");
        assertEquals("Grüße 👋", ReplayScript.load(file).steps().getFirst().text());
    }
}
