package io.vigil.keywords.model;

import java.util.List;

/**
 * A complete validated list set: the category registry and one list per category, both in registry
 * order so anything derived from a set (canonical form, version hash) is deterministic.
 */
public record ListSet(List<Category> categories, List<CategoryList> lists) {

    public ListSet {
        categories = List.copyOf(categories);
        lists = List.copyOf(lists);
    }

    public int ruleCount() {
        return lists.stream().mapToInt(l -> l.rules().size()).sum();
    }
}
