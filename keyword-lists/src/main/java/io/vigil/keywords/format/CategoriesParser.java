package io.vigil.keywords.format;

import io.vigil.keywords.model.Category;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code categories.txt}: {@code id<TAB>display name<TAB>description}, {@code #} comments. */
public final class CategoriesParser {

    public static final String FILE_NAME = "categories.txt";
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private CategoriesParser() {
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
            if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
                problems.add(file.name(), lineNo, "expected id<TAB>display name<TAB>description, got "
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
            Integer first = seen.putIfAbsent(id, lineNo);
            if (first != null) {
                problems.add(file.name(), lineNo, "duplicate category " + id + " (first at line " + first + ")");
                bad = true;
                continue;
            }
            categories.add(new Category(id, parts[1].strip(), parts[2].strip()));
        }
        if (categories.isEmpty() && !bad) {
            problems.add(file.name(), "no categories defined");
        }
        return categories;
    }
}
