package io.vigil.console.lists;

import io.vigil.console.domain.Secrets;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import io.vigil.keywords.format.ListSetLoader;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import io.vigil.keywords.model.ListSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two layers devices match with: the provider's complete list set and a school's own words, which are rule
 * lines added to the provider's list of the same category ({@code bullying.vkl} of a school holds only
 * {@code term ...} lines). Merged into one set, validated by the keyword-lists validator as a whole, then compiled
 * into the bundle that is signed. A problem in a school's words is reported against the school's file and line.
 */
public final class ListLayers {

    /** Names a school's file in problems, so it is never mistaken for the provider's file of that name. */
    public static final String SCHOOL_PREFIX = "school/";
    static final String SCHOOL_MARKER = "# --- the school's own words ---";
    private static final Pattern PROBLEM = Pattern.compile("^([^:]+):(\\d+):(.*)$", Pattern.DOTALL);

    private ListLayers() {
    }

    /** The lists shipped in the console jar: the provider layer until the provider publishes its own. */
    public static List<SourceFile> shipped() {
        try {
            return ListSources.fromClasspath(KeywordEngine.class.getClassLoader(), KeywordEngine.BUNDLED_LISTS);
        } catch (ListValidationException e) {
            throw new IllegalStateException("the keyword lists shipped in the console are invalid: " + e.getMessage(), e);
        }
    }

    /** A validated set and the bundle compiled from it. */
    public record Compiled(ListSet set, KeywordEngine engine) {
        public String version() {
            return engine.version();
        }
    }

    /**
     * Provider lists plus a school's words, validated as one set.
     *
     * @throws InvalidListsException every problem as file:line (school words as {@code school/<file>:line})
     */
    public static Compiled compile(List<SourceFile> provider, List<SourceFile> school) {
        Map<String, SourceFile> byName = new LinkedHashMap<>();
        provider.forEach(f -> byName.put(f.name(), f));
        Map<String, Integer> offsets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SourceFile words : school) {
            SourceFile base = byName.get(words.name());
            if (base == null || !words.name().endsWith(".vkl")) {
                problems.add(SCHOOL_PREFIX + words.name() + ": the provider has no list of this name; a school's words"
                        + " go in a file named after one of the provider's categories, e.g. bullying.vkl");
                continue;
            }
            String text = base.text().endsWith("\n") ? base.text() : base.text() + "\n";
            int offset = (int) text.chars().filter(c -> c == '\n').count() + 1;
            offsets.put(words.name(), offset);
            byName.put(words.name(), new SourceFile(words.name(), text + SCHOOL_MARKER + "\n" + words.text()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidListsException(problems);
        }
        try {
            List<SourceFile> merged = new ArrayList<>(byName.values());
            ListSet set = new ListSetLoader().load(merged);
            return new Compiled(set, KeywordEngine.fromBundle(io.vigil.keywords.bundle.Bundle.of(set).bytes()));
        } catch (ListValidationException e) {
            throw new InvalidListsException(e.problems().stream().map(p -> located(p, offsets)).toList());
        }
    }

    /** Moves a problem found in the merged file to the school's file when its line is past the provider's part. */
    static String located(String problem, Map<String, Integer> offsets) {
        Matcher m = PROBLEM.matcher(problem);
        if (!m.matches() || !offsets.containsKey(m.group(1))) {
            return problem;
        }
        int line = Integer.parseInt(m.group(2));
        int offset = offsets.get(m.group(1));
        return line > offset ? SCHOOL_PREFIX + m.group(1) + ":" + (line - offset) + ":" + m.group(3) : problem;
    }

    /** One layer as stored: {@code file <name> <bytes>\n<text>\n} per file. */
    public static byte[] encode(List<SourceFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SourceFile f : files) {
            byte[] text = f.text().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("file " + f.name() + " " + text.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(text);
            out.write('\n');
        }
        return out.toByteArray();
    }

    public static List<SourceFile> decode(byte[] layer) {
        List<SourceFile> files = new ArrayList<>();
        int pos = 0;
        while (pos < layer.length) {
            int eol = pos;
            while (layer[eol] != '\n') {
                eol++;
            }
            String[] head = new String(layer, pos, eol - pos, StandardCharsets.UTF_8).split(" ");
            int length = Integer.parseInt(head[2]);
            files.add(new SourceFile(head[1], new String(layer, eol + 1, length, StandardCharsets.UTF_8)));
            pos = eol + 1 + length + 1;
        }
        return files;
    }

    /** {@code sha256:<hex>} of a stored layer: what the change log names. */
    public static String versionOf(byte[] layer) {
        return "sha256:" + HexFormat.of().formatHex(Secrets.sha256(layer));
    }

    /** The layer with one line added to {@code file} (created when a school has no words there yet). */
    public static List<SourceFile> withLine(List<SourceFile> layer, String file, String line) {
        List<SourceFile> out = new ArrayList<>();
        boolean added = false;
        for (SourceFile f : layer) {
            if (f.name().equals(file)) {
                String text = f.text().isEmpty() || f.text().endsWith("\n") ? f.text() : f.text() + "\n";
                out.add(new SourceFile(file, text + line + "\n"));
                added = true;
            } else {
                out.add(f);
            }
        }
        if (!added) {
            out.add(new SourceFile(file, line + "\n"));
        }
        return out;
    }
}
