package io.vigil.keywords.format;

import io.vigil.keywords.ListValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the files of a list set from a directory or from the classpath, decoding strict UTF-8. */
public final class ListSources {

    private ListSources() {
    }

    public static List<SourceFile> fromDirectory(Path dir) throws ListValidationException {
        if (!Files.isDirectory(dir)) {
            throw new ListValidationException(List.of(dir + ": not a directory"));
        }
        Problems problems = new Problems();
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.equals(CategoriesParser.FILE_NAME) || name.endsWith(VklParser.EXTENSION))) {
                    read(name, Files.readAllBytes(p), files, problems);
                }
            }
        } catch (IOException e) {
            throw new ListValidationException(List.of(dir + ": cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ListValidationException(problems.list());
        }
        return files;
    }

    /**
     * Resources in a jar cannot be listed reliably, so the registry names the files: reads
     * {@code base/categories.txt}, then {@code base/<id>.vkl} for every category in it.
     */
    public static List<SourceFile> fromClasspath(ClassLoader loader, String base) throws ListValidationException {
        Problems problems = new Problems();
        List<SourceFile> files = new ArrayList<>();
        byte[] registry = resource(loader, base + "/" + CategoriesParser.FILE_NAME);
        if (registry == null) {
            throw new ListValidationException(List.of(base + "/" + CategoriesParser.FILE_NAME + ": not on the classpath"));
        }
        read(CategoriesParser.FILE_NAME, registry, files, problems);
        if (!files.isEmpty()) {
            for (var c : CategoriesParser.parse(files.getFirst(), new Problems())) {
                String name = c.id() + VklParser.EXTENSION;
                byte[] bytes = resource(loader, base + "/" + name);
                if (bytes != null) {
                    read(name, bytes, files, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ListValidationException(problems.list());
        }
        return files;
    }

    private static byte[] resource(ClassLoader loader, String path) throws ListValidationException {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new ListValidationException(List.of(path + ": cannot read: " + e.getMessage()));
        }
    }

    static void read(String name, byte[] bytes, List<SourceFile> files, Problems problems) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            // Name the line: an author hunting one bad byte in a long list needs to know where it is.
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(name, line, String.format("not valid UTF-8 (byte 0x%02X)", bytes[bad] & 0xFF));
            return;
        }
        utf8.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        files.add(new SourceFile(name, text));
    }
}
