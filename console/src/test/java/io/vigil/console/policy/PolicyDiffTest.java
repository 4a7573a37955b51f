package io.vigil.console.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {

    @Test
    void addedAndRemovedRuleLinesAreListedCommentsAndLayoutAreNot() {
        String before = "vigil-filter-policy 1\ncategory gaming\n\ngroup ks1\n  block gaming\n";
        String after = "vigil-filter-policy 1   # v2\ncategory gaming\ngroup ks1\n  block gaming during school-hours\n"
                + "domain gaming roblox.com\n";
        assertEquals(List.of("-   block gaming", "+   block gaming during school-hours", "+ domain gaming roblox.com"),
                PolicyDiff.between(before, after));
    }

    @Test
    void movedLinesAreNotChanges() {
        assertEquals(List.of(), PolicyDiff.between("a\nb\n", "b\na\n"));
    }

    @Test
    void aHugeChangeIsSummarisedAfterTheFirst200Lines() {
        String after = IntStream.range(0, 250).mapToObj(i -> "domain x d" + i + ".example")
                .collect(Collectors.joining("\n"));
        List<String> diff = PolicyDiff.between("", after);
        assertEquals(201, diff.size());
        assertEquals("... and 50 more changed line(s)", diff.getLast());
    }
}
