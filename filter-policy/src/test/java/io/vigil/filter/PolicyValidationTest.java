package io.vigil.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.filter.format.ListSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyValidationTest {

    private static final String HEAD = "vigil-filter-policy 1\ncategory gaming\ngroup ks1\n  block gaming\ndevice-group ks1\n";

    private static List<String> problems(String text) {
        PolicyException e = assertThrows(PolicyException.class,
                () -> FilterPolicy.parse("p.vfp", text, ListSource.of(Map.of())));
        return e.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            frobnicate x                               | p.vfp:6: unknown directive "frobnicate"
            domain gamez roblox.com                    | p.vfp:6: unknown category "gamez"
            domain gaming bad..example                 | p.vfp:6: empty label in "bad..example"
            domain gaming ads.*.example                | p.vfp:6: wildcard only allowed as a leading "*."
            list gaming domains missing.txt            | p.vfp:6: list file "missing.txt" not found
            list gaming csv x.csv                      | p.vfp:6: unknown list format "csv"
            user ann ks9                               | p.vfp:6: unknown group "ks9"
            grant ann gaming until 2026-12-02T17:00:00Z| p.vfp:6: grant to ann, who is not a nominated user
            grant ann illegal until 2026-12-02T17:00:00Z| p.vfp:6: illegal-content lists cannot be unblocked
            suspend ann until tomorrow                 | p.vfp:6: "tomorrow" is not a time
            window w mon-fri 15:00-08:00               | p.vfp:6: window w ends before it starts
            window w someday 08:00-09:00               | p.vfp:6: days "someday" must look like mon-fri
            category illegal                           | p.vfp:6: "illegal" is built in
            timezone Mars/Olympus                      | p.vfp:6: unknown time zone "Mars/Olympus"
            """)
    void namesFileLineAndProblem(String line, String expected) {
        List<String> problems = problems(HEAD + line + "\n");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), problems.toString());
    }

    @Test
    void missingHeaderIsRefused() {
        assertEquals(List.of("p.vfp:1: a policy starts with \"vigil-filter-policy 1\""),
                problems("category gaming\n"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems("vigil-filter-policy 1\ngroup ks1\n  block nope\n  colour blue\n");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.contains("p.vfp:3: unknown category \"nope\" (declare it with a category line)"));
        assertTrue(problems.get(1).startsWith("p.vfp:4: unknown group rule \"colour\""));
        assertTrue(problems.get(2).startsWith("p.vfp:1: no device-group"));
    }

    @Test
    void badLineOfAnIllegalListNamesThatFile() {
        List<String> problems = problems(HEAD + "illegal iwf domains iwf.txt\n".replace("iwf.txt", "iwf.txt"));
        assertTrue(problems.get(0).contains("list file \"iwf.txt\" not found"), problems.toString());
        PolicyException e = assertThrows(PolicyException.class, () -> FilterPolicy.parse("p.vfp",
                HEAD + "illegal iwf domains iwf.txt\n", ListSource.of(Map.of("iwf.txt", "ok.example\nbad_host!\n"))));
        assertTrue(e.problems().get(0).startsWith("iwf.txt:2: character '!'"), e.problems().toString());
    }

    @Test
    void loadsListsRelativeToThePolicyFileButNotOutsideIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/g.txt"), "roblox.com\n");
        Files.writeString(dir.resolve("secret.txt"), "x.example\n");
        Path policy = dir.resolve("lists/school.vfp");
        Files.writeString(policy, HEAD + "list gaming domains g.txt\n");
        assertTrue(FilterPolicy.load(policy).decide("www.roblox.com", null, java.time.Instant.EPOCH).blocked());
        Files.writeString(policy, HEAD + "list gaming domains ../secret.txt\n");
        PolicyException e = assertThrows(PolicyException.class, () -> FilterPolicy.load(policy));
        assertTrue(e.problems().get(0).startsWith("school.vfp:6: list file \"../secret.txt\" not found"), e.getMessage());
    }

    @Test
    void unreadablePolicyFileIsAProblemNotACrash(@TempDir Path dir) {
        PolicyException e = assertThrows(PolicyException.class, () -> FilterPolicy.load(dir.resolve("none.vfp")));
        assertTrue(e.problems().get(0).contains("cannot read policy file"));
    }

    @Test
    void junkInCategoryListsIsSkippedAndNoted() throws PolicyException {
        FilterPolicy p = Policies.school();
        assertTrue(p.notices().contains("lists/gaming.txt:3: skipped: empty label in \"bad..line\""), p.notices().toString());
        assertTrue(p.notices().stream().anyMatch(n -> n.startsWith("ut1/social_networks/urls: 1 URL entries not enforced")));
    }
}
