package io.vigil.keywords.bundle;

import io.vigil.keywords.ListValidationException;
import io.vigil.keywords.format.SourceFile;
import io.vigil.keywords.model.ListSet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A compiled list set as one file, the unit the console signs and pushes to agents:
 *
 * <pre>
 * vigil-keyword-bundle 1
 * version sha256:&lt;hex of everything after this line&gt;
 * file categories.txt &lt;byte length&gt;
 * &lt;canonical content&gt;
 * file suicide.vkl &lt;byte length&gt;
 * ...
 * </pre>
 *
 * Plain text on purpose: a DSL can read what is deployed. Loading re-checks the hash and re-validates
 * every file, so a corrupted or hand-edited bundle is refused rather than half-used.
 */
public record Bundle(String version, byte[] bytes) {

    static final String MAGIC = "vigil-keyword-bundle 1";

    public static Bundle of(ListSet set) {
        byte[] payload = payload(CanonicalForm.files(set));
        String version = "sha256:" + sha256(payload);
        byte[] head = (MAGIC + "\nversion " + version + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + payload.length);
        out.writeBytes(head);
        out.writeBytes(payload);
        return new Bundle(version, out.toByteArray());
    }

    /** Splits a bundle back into its files after checking format and hash. */
    public static List<SourceFile> read(byte[] bytes) throws ListValidationException {
        int first = indexOf(bytes, 0);
        int second = first < 0 ? -1 : indexOf(bytes, first + 1);
        if (second < 0 || !new String(bytes, 0, first, StandardCharsets.UTF_8).equals(MAGIC)) {
            throw invalid("not a Vigil keyword bundle (expected first line \"" + MAGIC + "\")");
        }
        String versionLine = new String(bytes, first + 1, second - first - 1, StandardCharsets.UTF_8);
        byte[] payload = java.util.Arrays.copyOfRange(bytes, second + 1, bytes.length);
        String actual = "sha256:" + sha256(payload);
        if (!versionLine.equals("version " + actual)) {
            throw invalid("content does not match its version (" + versionLine + ", content hashes to " + actual + ")");
        }
        List<SourceFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int pos = 0;
        while (pos < payload.length) {
            int eol = indexOf(payload, pos);
            String[] head = eol < 0 ? new String[0] : new String(payload, pos, eol - pos, StandardCharsets.UTF_8).split(" ");
            if (head.length != 3 || !head[0].equals("file") || !head[2].matches("[0-9]{1,9}")) {
                throw invalid("bad file entry at byte " + (second + 1 + pos));
            }
            int len = Integer.parseInt(head[2]);
            int start = eol + 1;
            if (start + len + 1 > payload.length || payload[start + len] != '\n') {
                throw invalid("file " + head[1] + " is truncated");
            }
            if (!names.add(head[1])) {
                // A directory cannot hold two files of one name; a bundle that does was not made by compile.
                throw invalid("file " + head[1] + " appears twice");
            }
            files.add(new SourceFile(head[1], strictUtf8(head[1], payload, start, len)));
            pos = start + len + 1;
        }
        return files;
    }

    /** Refuses bytes that are not UTF-8 instead of loading replacement characters into patterns. */
    private static String strictUtf8(String name, byte[] bytes, int start, int len) throws ListValidationException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, len)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("file " + name + " is not valid UTF-8");
        }
    }

    private static byte[] payload(List<SourceFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SourceFile f : files) {
            byte[] content = f.text().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("file " + f.name() + " " + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static ListValidationException invalid(String problem) {
        return new ListValidationException(List.of("bundle: " + problem));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
