package io.vigil.keywords.format;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem in a list set instead of stopping at the first, formatted {@code file:line: problem}. */
public final class Problems {

    private final List<String> problems = new ArrayList<>();

    public void add(String file, int line, String problem) {
        problems.add(file + ":" + line + ": " + problem);
    }

    /** A problem with the file as a whole (missing, unreadable, mismatched name). */
    public void add(String file, String problem) {
        problems.add(file + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
