package io.vigil.keywords.format;

import io.vigil.keywords.model.Category;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code categories.txt}: {@code id<TAB>display name<TAB>description<TAB>risks<TAB>illegal|-}, {@code #}
 * comments. Risks are the 4 Cs (content, contact, conduct, commerce).
 */
public final class CategoriesParser {

    public static final String FILE_NAME = "categories.txt";
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private CategoriesParser() {
    }

    /** The 4 Cs of a comma list, or null when a word is not one of them, one repeats or none is given. */
    private static List<Category.Risk> risks(String text) {
        List<Category.Risk> out = new ArrayList<>();
        for (String word : text.split(",", -1)) {
            Category.Risk risk = null;
            for (Category.Risk r : Category.Risk.values()) {
                if (r.word().equals(word.strip())) {
                    risk = r;
                }
            }
            if (risk == null || out.contains(risk)) {
                return null;
            }
            out.add(risk);
        }
        return out;
    }

    public static List<Category> parse(SourceFile file, Problems problems) {
        List<Category> categories = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean bad = false;
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = LineLexer.stripComment(lines[i].replace("\r", ""));
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t+");
            if (parts.length != 5 || parts[1].isBlank() || parts[2].isBlank()) {
                problems.add(file.name(), lineNo, "expected id<TAB>display name<TAB>description<TAB>risks<TAB>illegal|-, got "
                        + parts.length + " tab-separated field(s)");
                bad = true;
                continue;
            }
            String id = parts[0].strip();
            if (!ID.matcher(id).matches()) {
                problems.add(file.name(), lineNo, "bad category id \"" + id + "\" (use [a-z][a-z0-9_]*)");
                bad = true;
                continue;
            }
            List<Category.Risk> risks = risks(parts[3].strip());
            if (risks == null) {
                problems.add(file.name(), lineNo, "risks \"" + parts[3].strip()
                        + "\" must be a comma list of content, contact, conduct, commerce (the 4 Cs)");
                bad = true;
                continue;
            }
            String legal = parts[4].strip();
            if (!legal.equals("illegal") && !legal.equals("-")) {
                problems.add(file.name(), lineNo, "last field \"" + legal + "\" must be illegal or - (does the category concern illegal content?)");
                bad = true;
                continue;
            }
            Integer first = seen.putIfAbsent(id, lineNo);
            if (first != null) {
                problems.add(file.name(), lineNo, "duplicate category " + id + " (first at line " + first + ")");
                bad = true;
                continue;
            }
            categories.add(new Category(id, parts[1].strip(), parts[2].strip(), risks, legal.equals("illegal")));
        }
        if (categories.isEmpty() && !bad) {
            problems.add(file.name(), "no categories defined");
        }
        return categories;
    }
}
