package io.vigil.console.lists;

import io.vigil.keywords.format.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded zip of a list directory without trusting it. Sizes in entry headers can lie (a zip bomb
 * declares small sizes), so every entry is read through a counting limit and the whole upload stops at the
 * first limit passed. Names with {@code ..}, absolute paths, backslashes or more than one folder level are
 * refused; nothing is ever written to disk. Only {@code categories.txt} and {@code *.vkl} are kept: a zipped
 * folder often carries a README or {@code __MACOSX} entries, which are not lists.
 */
public final class ListArchive {

    /** The shipped lists zip to about 70 KB; 2 MiB leaves room for many more languages. */
    public static final int MAX_ZIP_BYTES = 2 * 1024 * 1024;
    /** The largest shipped list is about 40 KB of text. */
    static final int MAX_ENTRY_BYTES = 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;
    static final int MAX_ENTRIES = 500;

    private ListArchive() {
    }

    /**
     * @param requireRegistry true for the provider's lists (a complete set), false for a school's own words
     * @throws InvalidListsException naming every problem found; nothing is returned then
     */
    public static List<SourceFile> read(byte[] zip, boolean requireRegistry) {
        if (zip == null || zip.length == 0) {
            throw new InvalidListsException(List.of("upload: empty; expected a zip of the list directory"));
        }
        if (zip.length > MAX_ZIP_BYTES) {
            throw new InvalidListsException(List.of("upload: " + zip.length + " bytes; at most " + MAX_ZIP_BYTES
                    + " are accepted"));
        }
        List<String> problems = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidListsException(List.of("upload: more than " + MAX_ENTRIES + " entries"));
                }
                String name = entry.getName();
                String problem = unsafeName(name);
                if (problem != null) {
                    problems.add(printable(name) + ": " + problem);
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || !(base.equals("categories.txt") || base.endsWith(".vkl"))
                        || name.startsWith("__MACOSX/") || base.startsWith(".")) {
                    continue;
                }
                byte[] bytes = bounded(in, base);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new InvalidListsException(List.of("upload: more than " + MAX_TOTAL_BYTES
                            + " bytes once unpacked"));
                }
                if (!names.add(base)) {
                    problems.add(base + ": appears twice in the zip");
                    continue;
                }
                decode(base, bytes, files, problems);
            }
        } catch (ZipException e) {
            throw new InvalidListsException(List.of("upload: not a readable zip (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new InvalidListsException(List.of("upload: cannot read the zip (" + e.getMessage() + ")"));
        }
        if (entries == 0) {
            throw new InvalidListsException(List.of("upload: not a zip of the list directory (no entries found)"));
        }
        if (requireRegistry && !names.contains("categories.txt")) {
            problems.add("categories.txt: missing (zip the whole list directory)");
        }
        if (!requireRegistry && names.contains("categories.txt")) {
            problems.add("categories.txt: a school adds words to the provider's categories; leave this file out");
        }
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add("upload: no categories.txt or .vkl files in the zip");
        }
        if (!problems.isEmpty()) {
            throw new InvalidListsException(problems);
        }
        return files;
    }

    /** Null when the name is a safe relative path of at most one folder and a file. */
    static String unsafeName(String name) {
        if (name.isEmpty() || name.length() > 200) {
            return "name empty or too long";
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.chars().anyMatch(c -> c < 32)) {
            return "absolute path, drive letter, backslash or control character in the name";
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return "path traversal (\"" + part + "\") in the name";
            }
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (trimmed.chars().filter(c -> c == '/').count() > 1 && !trimmed.startsWith("__MACOSX/")) {
            return "nested folders; zip the list directory itself";
        }
        return null;
    }

    private static byte[] bounded(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new InvalidListsException(List.of(name + ": more than " + MAX_ENTRY_BYTES + " bytes unpacked"));
        }
        return bytes;
    }

    private static void decode(String name, byte[] bytes, List<SourceFile> files, List<String> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            files.add(new SourceFile(name, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (CharacterCodingException e) {
            problems.add(name + ":1: not valid UTF-8 text");
        }
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[\\p{Cntrl}]", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
