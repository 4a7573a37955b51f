package io.vigil.keywords.bundle;

import io.vigil.keywords.format.CategoriesParser;
import io.vigil.keywords.format.SourceFile;
import io.vigil.keywords.model.Category;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListHeader;
import io.vigil.keywords.model.ListSet;
import io.vigil.keywords.model.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical text of a validated list set: comments and layout dropped, {@code -} severities
 * resolved, files in registry order. Two sets that mean the same thing have the same canonical form
 * (and so the same version); the canonical files are themselves valid list files.
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    public static List<SourceFile> files(ListSet set) {
        List<SourceFile> files = new ArrayList<>();
        StringBuilder registry = new StringBuilder();
        for (Category c : set.categories()) {
            registry.append(c.id()).append('\t').append(c.name()).append('\t').append(c.description()).append('\t')
                    .append(String.join(",", c.risks().stream().map(Category.Risk::word).toList())).append('\t')
                    .append(c.illegalContent() ? "illegal" : "-").append('\n');
        }
        files.add(new SourceFile(CategoriesParser.FILE_NAME, registry.toString()));
        for (CategoryList list : set.lists()) {
            files.add(new SourceFile(list.fileName(), list(list)));
        }
        return files;
    }

    private static String list(CategoryList list) {
        ListHeader h = list.header();
        StringBuilder sb = new StringBuilder();
        sb.append("@category ").append(h.category()).append('\n')
                .append("@name ").append(h.name()).append('\n')
                .append("@severity ").append(h.severity()).append('\n')
                .append("@threshold ").append(h.threshold()).append('\n')
                .append("@language ").append(h.language()).append('\n')
                .append("@version ").append(h.version()).append('\n');
        String language = h.language();
        for (Rule r : list.rules()) {
            if (!r.language().equals(language)) {
                language = r.language();
                sb.append("@language ").append(language).append('\n');
            }
            sb.append(r.kind().keyword()).append(' ').append(r.id());
            switch (r.kind()) {
                case TERM -> sb.append(' ').append(weight(r)).append(' ').append(r.severity());
                case NEAR -> sb.append(' ').append(weight(r)).append(' ').append(r.severity()).append(' ').append(r.window());
                case CUE -> sb.append(' ').append(r.roles().getFirst());
                case ESCALATE -> sb.append(' ').append(r.severity()).append(' ').append(String.join(" ", r.roles()));
                case DOMAIN -> sb.append(' ').append(r.severity());
                case EXCEPT -> {
                    if (!r.applies().isEmpty()) {
                        sb.append(" applies=").append(String.join(",", r.applies()));
                    }
                }
            }
            for (String p : r.patterns()) {
                sb.append(" \"").append(p).append('"');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String weight(Rule r) {
        return r.banned() ? "banned" : String.valueOf(r.weight());
    }
}
