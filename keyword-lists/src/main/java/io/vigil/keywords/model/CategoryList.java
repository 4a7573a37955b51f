package io.vigil.keywords.model;

import java.util.List;

/** One validated {@code .vkl} file: its headers and rules in file order (exceptions included). */
public record CategoryList(String fileName, ListHeader header, List<Rule> rules) {

    public CategoryList {
        rules = List.copyOf(rules);
    }

    public String category() {
        return header.category();
    }
}
