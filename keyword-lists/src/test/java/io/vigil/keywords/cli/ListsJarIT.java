package io.vigil.keywords.cli;

import io.vigil.keywords.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged {@code target/vigil-lists.jar} as a real process, the way an operator would. */
class ListsJarIT {

    private static final Path JAR = Path.of("target/vigil-lists.jar");

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private Result java(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vigil-lists did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void jarScansStandardInputIntoJsonLines() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR.toAbsolutePath());
        Result r = java("ordinary homework chat\nI want to kill myself 🔪\n", "scan");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("{\"line\":1,\"alert\":false}", lines[0]);
        assertTrue(lines[1].startsWith("{\"line\":2,\"alert\":true,\"category\":\"suicide\",\"severity\":"), lines[1]);
        assertTrue(lines[1].endsWith("\"snippet\":\"I want to kill myself 🔪\",\"language\":\"en\"}"), lines[1]);
    }

    @Test
    void jarValidatesAndCompilesWithExitCodes() throws Exception {
        Result ok = java("", "validate", Fixtures.dir("basic").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().matches("OK 3 categories, \\d+ rules, version sha256:[0-9a-f]{64}\n"), ok.out());

        Path bundle = tmp.resolve("b.bundle");
        Result compiled = java("", "compile", Fixtures.dir("basic").toString(), "--out", bundle.toString());
        assertEquals(0, compiled.code(), compiled.err());
        assertEquals(ok.out().substring(ok.out().indexOf("sha256:")), compiled.out());

        Files.writeString(tmp.resolve("categories.txt"), "alpha\tAlpha\tFirst\tcontent\t-\n");
        Files.writeString(tmp.resolve("alpha.vkl"), "@category alpha\n");
        Result bad = java("", "validate", tmp.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("alpha.vkl: missing header @name"), bad.err());

        Result usage = java("", "validate");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("Missing required parameter"), usage.err());
    }
}
