package io.vigil.console.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.keywords.format.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetroTestTest {

    private static final String REGISTRY = "bullying\tBullying\tdesc\tconduct\t-\n";

    private static io.vigil.keywords.KeywordEngine engine(String rules) {
        return ListLayers.compile(List.of(new SourceFile("categories.txt", REGISTRY), new SourceFile("bullying.vkl",
                "@category bullying\n@name Bullying\n@severity 3\n@threshold 10\n@language en\n@version 1\n" + rules)),
                List.of()).engine();
    }

    @Test
    void storedAlertsAreCountedPerRuleAsGoneDifferentOrMarkedFalsePositive() {
        var proposed = engine("term bu.kys banned 4 \"kys\"\nterm bu.new banned 2 \"snarkle pop\"\n");
        List<StoredMatch> stored = List.of(
                new StoredMatch("bullying", 3, List.of("bu.loser"), "what a loser", true),
                new StoredMatch("bullying", 3, List.of("bu.loser"), "loser again", false),
                new StoredMatch("bullying", 3, List.of("bu.kys"), "just kys", false),
                new StoredMatch("bullying", 4, List.of("bu.kys"), "kys now", false));
        RetroTest result = RetroTest.run(proposed, stored);
        assertEquals(new RetroTest(4, 2, 1, List.of(
                new RetroTest.RuleCount("bu.kys", 2, 0, 1, 0),
                new RetroTest.RuleCount("bu.loser", 2, 2, 0, 1))), result);
        assertEquals(result, RetroTest.decode(result.encode()));
        assertEquals("4 stored alert(s) matched again: 2 would no longer be raised, 1 would be raised differently",
                result.summary());
    }
}
