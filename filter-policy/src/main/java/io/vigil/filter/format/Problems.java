package io.vigil.filter.format;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem instead of stopping at the first, formatted {@code file:line: problem}. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    void add(String file, int line, String problem) {
        problems.add(file + ":" + line + ": " + problem);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> list() {
        return List.copyOf(problems);
    }
}
