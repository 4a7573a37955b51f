package io.vigil.keywords.cli;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import io.vigil.keywords.Verdict;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scan [--lists DIR | --bundle FILE] [FILE|-]}: one JSON verdict per input line. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan text line by line; writes one JSON object per line to stdout.")
final class ScanCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    EngineOptions source = new EngineOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "UTF-8 text file to scan, or - for standard input (default)")
    String input;

    private final Io io;

    ScanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        KeywordEngine engine;
        try {
            engine = source.engine();
        } catch (ListValidationException e) {
            e.problems().forEach(io.err()::println);
            return ListsMain.REFUSED;
        }
        try (InputStream in = open()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                io.out().println(json(++lineNo, engine.scan(line)));
            }
        } catch (NoSuchFileException e) {
            io.err().println("vigil-lists scan: no such file: " + input);
            return ListsMain.USAGE;
        } catch (IOException e) {
            io.err().println("vigil-lists scan: cannot read " + input + ": " + e.getMessage());
            return ListsMain.USAGE;
        }
        io.out().flush();
        return 0;
    }

    private InputStream open() throws IOException {
        if (input.equals("-")) {
            return new java.io.FilterInputStream(io.in()) {
                @Override
                public void close() {
                    // standard input belongs to the caller
                }
            };
        }
        return Files.newInputStream(Path.of(input));
    }

    static String json(int line, Verdict v) {
        StringBuilder sb = new StringBuilder("{\"line\":").append(line).append(",\"alert\":").append(v.alert());
        if (v.alert()) {
            sb.append(",\"category\":").append(Json.string(v.category()))
                    .append(",\"severity\":").append(v.severity())
                    .append(",\"rules\":").append(Json.strings(v.ruleIds()))
                    .append(",\"snippet\":").append(Json.string(v.snippet()));
        }
        return sb.append('}').toString();
    }
}
