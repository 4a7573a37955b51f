package io.vigil.filter.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the lists a policy names: {@code builtin:NAME} from the jar, anything else from the {@link ListSource}. */
final class ListReader {

    private static final String BUILTIN = "builtin:";

    private final String policyFile;
    private final ListSource source;
    private final Problems problems;

    ListReader(String policyFile, ListSource source, Problems problems) {
        this.policyFile = policyFile;
        this.source = source;
        this.problems = problems;
    }

    /** The file's text, or {@code null} after recording a problem against the policy line that named it. */
    String read(int line, String name) {
        try {
            String text = name.startsWith(BUILTIN) ? builtin(name.substring(BUILTIN.length())) : source.read(name);
            if (text == null) {
                problems.add(policyFile, line, "list file \"" + name + "\" not found");
            }
            return text;
        } catch (IOException | RuntimeException e) {
            problems.add(policyFile, line, "cannot read list file \"" + name + "\": " + e.getMessage());
            return null;
        }
    }

    /** Like {@link #read} but absence is fine (a squidGuard folder without a {@code urls} file). */
    String readOptional(String name) {
        try {
            return source.read(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String builtin(String name) throws IOException {
        try (InputStream in = ListReader.class.getResourceAsStream("/io/vigil/filter/builtin/" + name + ".txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
