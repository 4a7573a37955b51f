package io.vigil.console.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safeguarding categories as a DSL reads them ("Self-harm", not {@code self_harm}), taken from the keyword
 * lists this console ships. An alert from a category the console does not know (an agent already on newer
 * lists) keeps its id as its name rather than being hidden.
 */
public final class CategoryCatalog {

    public record Category(String id, String name) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();

    public CategoryCatalog(List<Category> categories) {
        categories.forEach(c -> names.put(c.id(), c.name()));
    }

    public String nameOf(String id) {
        return names.getOrDefault(id, id);
    }

    /** In list order, for the inbox's category filter. */
    public List<Category> all() {
        return names.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList();
    }
}
