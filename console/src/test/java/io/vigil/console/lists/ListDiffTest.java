package io.vigil.console.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.keywords.format.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListDiffTest {

    private static final String HEADER = "@category bullying\n@name Bullying\n@severity 3\n@threshold 10\n"
            + "@language en\n@version 1\n";
    private static final String REGISTRY = "bullying\tBullying\tdesc\tconduct\t-\n";

    private static ListLayers.Compiled set(String rules) {
        return ListLayers.compile(List.of(new SourceFile("categories.txt", REGISTRY),
                new SourceFile("bullying.vkl", HEADER + rules)), List.of());
    }

    @Test
    void rulesAreAddedRemovedOrChangedByIdAndCommentsAreNotChanges() {
        ListLayers.Compiled before = set("term bu.a banned 3 \"kill yourself\"\nterm bu.b 5 - \"loser\"\n"
                + "term bu.c banned 3 \"kys\"\n");
        ListLayers.Compiled after = set("# a comment\nterm bu.a banned 4 \"kill yourself\"\n"
                + "term   bu.c   banned   3   \"kys\"\nterm bu.d banned 2 \"snarkle pop\"\n");
        ListDiff diff = ListDiff.between(before.set(), after.set());
        assertEquals(List.of(
                new ListDiff.Entry(ListDiff.Kind.CHANGED, "bu.a", "bullying.vkl", "term bu.a banned 3 \"kill yourself\"",
                        "term bu.a banned 4 \"kill yourself\""),
                new ListDiff.Entry(ListDiff.Kind.ADDED, "bu.d", "bullying.vkl", "", "term bu.d banned 2 \"snarkle pop\""),
                new ListDiff.Entry(ListDiff.Kind.REMOVED, "bu.b", "bullying.vkl", "term bu.b 5 3 \"loser\"", "")),
                diff.entries());
        assertEquals("1 rule(s) added, 1 removed, 1 changed", diff.summary());
        assertEquals(diff, ListDiff.decode(diff.encode()));
    }

    @Test
    void aSchoolsWordsAreMergedAndTheirProblemsPointAtTheSchoolsFile() {
        var problems = org.junit.jupiter.api.Assertions.assertThrows(InvalidListsException.class,
                () -> ListLayers.compile(List.of(new SourceFile("categories.txt", REGISTRY),
                        new SourceFile("bullying.vkl", HEADER + "term bu.a banned 3 \"kys\"\n")),
                        List.of(new SourceFile("bullying.vkl", "term sch.a banned 2 \"ok then\"\nterm sch.b 7 9 \"x\"\n"),
                                new SourceFile("nothing.vkl", "term sch.c banned 2 \"y\"\n")))).problems();
        assertEquals(List.of("school/nothing.vkl: the provider has no list of this name; a school's words go in a "
                + "file named after one of the provider's categories, e.g. bullying.vkl"), problems);
        var located = org.junit.jupiter.api.Assertions.assertThrows(InvalidListsException.class,
                () -> ListLayers.compile(List.of(new SourceFile("categories.txt", REGISTRY),
                        new SourceFile("bullying.vkl", HEADER + "term bu.a banned 3 \"kys\"\n")),
                        List.of(new SourceFile("bullying.vkl", "term sch.a banned 2 \"ok then\"\nterm sch.b 7 9 \"x\"\n"))))
                .problems();
        assertEquals(true, located.stream().allMatch(p -> p.startsWith("school/bullying.vkl:2:")), located.toString());
    }

    @Test
    void layersRoundTripThroughTheirStoredForm() {
        List<SourceFile> files = List.of(new SourceFile("a.vkl", "x\ny"), new SourceFile("b.vkl", "ü\n"));
        assertEquals(files, ListLayers.decode(ListLayers.encode(files)));
        assertEquals(List.of(new SourceFile("a.vkl", "x\ny\nterm z\n"), new SourceFile("b.vkl", "ü\n"),
                new SourceFile("c.vkl", "term q\n")), ListLayers.withLine(ListLayers.withLine(files, "a.vkl", "term z"),
                "c.vkl", "term q"));
    }
}
