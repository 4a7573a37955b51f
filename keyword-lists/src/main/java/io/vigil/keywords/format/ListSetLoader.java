package io.vigil.keywords.format;

import io.vigil.keywords.ListValidationException;
import io.vigil.keywords.match.PatternCompiler;
import io.vigil.keywords.model.Category;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListSet;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;
import io.vigil.keywords.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a whole list set and builds it, or refuses it as a whole with every problem found:
 * one bad rule anywhere means the set is not used (a half-loaded set would silently miss risks).
 */
public final class ListSetLoader {

    private final VklParser parser;

    public ListSetLoader() {
        this.parser = new VklParser(new PatternCompiler(new TextNormalizer()));
    }

    /** @param files {@code categories.txt} and the {@code .vkl} files; other names are ignored */
    public ListSet load(List<SourceFile> files) throws ListValidationException {
        Problems problems = new Problems();
        SourceFile registry = files.stream().filter(f -> f.name().equals(CategoriesParser.FILE_NAME)).findFirst()
                .orElse(null);
        List<Category> categories = List.of();
        if (registry == null) {
            problems.add(CategoriesParser.FILE_NAME, "missing (the list set needs its category registry)");
        } else {
            categories = CategoriesParser.parse(registry, problems);
        }
        Set<String> known = new HashSet<>();
        categories.forEach(c -> known.add(c.id()));
        List<SourceFile> vkl = files.stream().filter(f -> f.name().endsWith(VklParser.EXTENSION))
                .sorted(Comparator.comparing(SourceFile::name)).toList();
        Map<String, CategoryList> byCategory = new HashMap<>();
        RuleIds ids = new RuleIds();
        for (SourceFile f : vkl) {
            CategoryList list = parser.parse(f, known, ids, problems);
            if (list != null) {
                byCategory.put(list.category(), list);
            }
        }
        checkEveryCategoryHasAFile(registry, categories, vkl, problems);
        checkEscalationRoles(byCategory.values(), problems);
        if (!problems.isEmpty()) {
            throw new ListValidationException(problems.list());
        }
        List<CategoryList> lists = new ArrayList<>();
        categories.forEach(c -> lists.add(byCategory.get(c.id())));
        return new ListSet(categories, lists);
    }

    private static void checkEveryCategoryHasAFile(SourceFile registry, List<Category> categories,
                                                   List<SourceFile> vkl, Problems problems) {
        Set<String> files = new HashSet<>();
        vkl.forEach(f -> files.add(f.name()));
        for (Category c : categories) {
            if (!files.contains(c.id() + VklParser.EXTENSION)) {
                problems.add(registry.name(), lineOf(registry, c.id()), "category " + c.id() + " has no list file "
                        + c.id() + VklParser.EXTENSION);
            }
        }
    }

    /** Roles with a meaning of their own (FORMAT.md "Context"): they need no escalate rule to be useful. */
    private static final Set<String> CONTEXT_ROLES = Set.of("help", "teaching", "reporting", "fiction");

    /** An escalate rule naming a role no cue has would never fire: refused, naming the rule's line. */
    private static void checkEscalationRoles(java.util.Collection<CategoryList> lists, Problems problems) {
        Set<String> roles = new HashSet<>(CONTEXT_ROLES);
        lists.forEach(l -> l.rules().stream().filter(r -> r.kind() == RuleKind.CUE).forEach(r -> roles.addAll(r.roles())));
        for (CategoryList l : lists) {
            for (Rule r : l.rules()) {
                if (r.kind() != RuleKind.ESCALATE) {
                    continue;
                }
                for (String group : r.roles()) {
                    for (String role : group.split("\\|")) {
                        if (!roles.contains(role)) {
                            problems.add(l.fileName(), r.line(), "escalate " + r.id() + " names role \"" + role
                                    + "\" but no cue in the list set has it");
                        }
                    }
                }
            }
        }
    }

    private static int lineOf(SourceFile file, String id) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // Same reading as CategoriesParser (id stripped), so " alpha \t..." still names its own line.
            if (lines[i].split("\t", 2)[0].strip().equals(id)) {
                return i + 1;
            }
        }
        return 1;
    }
}
