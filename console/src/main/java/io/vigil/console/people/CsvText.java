package io.vigil.console.people;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files schools upload (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Excel's "CSV UTF-8"
 * starts with a byte-order mark and SIMS exports are often UTF-16 with one: both are read; anything else must be
 * valid UTF-8, because a name silently mangled by a wrong guess is worse than a clear refusal.
 */
public final class CsvText {

    /** A directory of a large secondary is well under 1 MB; 5 MB leaves room and refuses a wrong file at once. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private CsvText() {
    }

    /**
     * The file's rows, each a list of cells.
     *
     * @throws InvalidDirectoryException (row 0) when the file is too big, empty or not text in a known encoding
     */
    public static List<List<String>> rows(byte[] file) {
        return parse(decode(file));
    }

    static String decode(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw refused("the file is " + file.length / 1024 + " KB; the limit is " + MAX_BYTES / 1024 / 1024
                    + " MB: export only username, display name, year group, form and role");
        }
        if (file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF) {
            return strict(file, 3, StandardCharsets.UTF_8);
        }
        if (file.length >= 2 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xFE) {
            return strict(file, 2, StandardCharsets.UTF_16LE);
        }
        if (file.length >= 2 && (file[0] & 0xff) == 0xFE && (file[1] & 0xff) == 0xFF) {
            return strict(file, 2, StandardCharsets.UTF_16BE);
        }
        return strict(file, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] file, int skip, java.nio.charset.Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, skip, file.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw refused("the file is not " + (charset == StandardCharsets.UTF_8 ? "UTF-8" : charset.name())
                    + " text: save it from the spreadsheet as \"CSV UTF-8\"");
        }
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || !cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static InvalidDirectoryException refused(String problem) {
        return new InvalidDirectoryException(List.of(new DirectoryProblem(0, problem)));
    }
}
