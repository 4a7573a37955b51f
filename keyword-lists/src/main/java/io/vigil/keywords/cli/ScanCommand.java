package io.vigil.keywords.cli;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import io.vigil.keywords.Source;
import io.vigil.keywords.Verdict;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scan [--lists DIR | --bundle FILE] [--source typed|search|title|url] [FILE|-]}: one JSON verdict per line. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan text line by line; writes one JSON object per line to stdout.")
final class ScanCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    EngineOptions source = new EngineOptions();

    @Option(names = "--source", defaultValue = "typed", paramLabel = "SOURCE",
            converter = SourceConverter.class,
            description = "where the lines came from: typed (default), search, title or url; domain lists apply only"
                    + " to title and url, and search terms in a url are matched as search text")
    Source textSource;

    /** Names the allowed values in the usage error, as picocli does for its own conversions. */
    static final class SourceConverter implements ITypeConverter<Source> {
        @Override
        public Source convert(String value) {
            try {
                return Source.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "UTF-8 text file to scan, or - for standard input (default); stops with exit 2 at a "
                    + "line that is not valid UTF-8")
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
        try (InputStream in = new BufferedInputStream(open())) {
            // Read as bytes and decode each line strictly: replacing bad bytes with U+FFFD would scan
            // different text from what was typed and hide that the file is in the wrong encoding.
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lineNo = 0;
            for (int b = in.read(); b >= 0 || line.size() > 0; b = in.read()) {
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNo++;
                String text;
                try {
                    text = utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    io.out().flush();
                    io.err().println("vigil-lists scan: " + (input.equals("-") ? "standard input" : input) + " line "
                            + lineNo + " is not valid UTF-8");
                    return ListsMain.USAGE;
                }
                io.out().println(json(lineNo, engine.scan(stripLineEnd(text), textSource)));
                line.reset();
                if (b < 0) {
                    break;
                }
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

    private static String stripLineEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
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
                    .append(",\"snippet\":").append(Json.string(v.snippet()))
                    .append(",\"language\":").append(Json.string(v.language()));
        }
        return sb.append('}').toString();
    }
}
