package io.vigil.keywords.format;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One case per problem kind, asserting the exact {@code file:line: problem} message. */
class ValidatorTest {

    /** Six header lines, so the first rule is on line 7. */
    private static final String HEAD = """
            @category alpha
            @name Alpha
            @severity 3
            @threshold 10
            @language en
            @version 1
            """;

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private void registry(String content) throws IOException {
        write("categories.txt", content);
    }

    private List<String> problems() {
        return assertThrows(ListValidationException.class, () -> KeywordEngine.load(dir)).problems();
    }

    private void validAlpha() throws IOException {
        registry("alpha\tAlpha\tFirst test category\tcontent\t-\n");
        write("alpha.vkl", HEAD + "term a.ok 5 3 \"okay\"\n");
    }

    @Test
    void validSetLoads() throws IOException {
        validAlpha();
        assertDoesNotThrow(() -> KeywordEngine.load(dir));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            term a.x 5 3 "unclosed                 | unbalanced quotes: pattern starting at column 14 is not closed
            term a.x 5 3 "ab"cd                    | unbalanced quotes: text right after the closing quote at column 17
            frob a.x 5 3 "xx"                      | unknown rule kind "frob" (expected term, near, except, cue, escalate or domain)
            term a.x 5 9 "xx"                      | severity 9 out of range 1-5 (or - for the file's @severity)
            term a.x 0 3 "xx"                      | weight 0 out of range 1-100 (or banned)
            term a.x 101 3 "xx"                    | weight 101 out of range 1-100 (or banned)
            term a.x lots 3 "xx"                   | weight "lots" is not a number 1-100 or banned
            term a.x 5 3 "su*cide"                 | bad * in pattern "su*cide": * is only allowed at the end of a word
            term a.x 5 3 "ki*"                     | bad * in pattern "ki*": the stem before * must be at least 3 characters
            near a.x banned 3 0 "aa" "bb"          | near window 0 out of range 1-50 words
            near a.x banned 3 51 "aa" "bb"         | near window 51 out of range 1-50 words
            near a.x banned 3 5 "aa"               | near needs at least two quoted patterns, got 1
            except a.x applies=a.nope "xx"         | applies= names unknown rule "a.nope" (not a term or near rule of category alpha)
            except a.x applies= "xx"               | unexpected field "applies=" (expected applies=<rule-id>[,<rule-id>...])
            term a.x 5 3 "..."                     | pattern "..." can never match: nothing is left after normalisation (only punctuation or invisible characters)
            term a.x 5 3 "\u200b"                  | pattern "\u200b" can never match: nothing is left after normalisation (only punctuation or invisible characters)
            term A.X 5 3 "xx"                      | bad rule id "A.X" (use [a-z0-9][a-z0-9._-]*)
            term a.x 5 3                           | term expects: term <id> <weight> <severity> "<pattern>" (one quoted pattern)
            term a.x 5 3 "xx" extra                | unexpected field "extra" after the patterns
            term a.x 5 3 "أنتحر"                   | pattern "أنتحر" is not in folded form: write ا for أ (the folded form)
            term a.x 5 3 "انـتحر"                  | pattern "انـتحر" is not in folded form: tatweel U+0640: remove it (it is folded away)
            term a.x 5 3 "zabić się"               | pattern "zabić się" is not in folded form: write c for ć (Latin letters are written without diacritics, as folded)
            term a.x 5 3 "łatwo"                   | pattern "łatwo" is not in folded form: write l for ł (the folded form)
            term a.x 5 3 "okay!"                   | rule a.x folds to the same pattern as line 7 ("okay"): keep one
            escalate a.x 5 nope_intent help       | escalate a.x names role "nope_intent" but no cue in the list set has it
            cue a.x Bad "xx"                       | bad role "Bad" (use [a-z][a-z_]*)
            term a.x banned 3 "gay"                | pattern "gay" is an identity or health word and the rule is banned: it may never alert on its own, only with a hostile or harmful predicate (never out a child)
            term a.x 5 3 "OKAY"                    | rule a.x folds to the same pattern as line 7 ("okay"): keep one
            """)
    void badRuleIsReportedWithFileLineAndProblem(String line, String problem) throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        String unescaped = line.replace("\\u200b", "\u200b");
        write("alpha.vkl", HEAD + "term a.ok 5 3 \"okay\"\n" + unescaped + "\n");
        assertEquals(List.of("alpha.vkl:8: " + problem.replace("\\u200b", "\u200b")), problems());
    }

    @Test
    void duplicateIdNamesTheFirstDefinitionEvenAcrossFiles() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\nbeta\tBeta\tSecond\tcontact\t-\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"one\"\nterm a.x 5 3 \"two\"\n");
        write("beta.vkl", HEAD.replace("alpha", "beta") + "term a.x 5 3 \"three\"\n");
        assertEquals(List.of("alpha.vkl:8: duplicate rule id a.x (first defined at alpha.vkl:7)",
                "beta.vkl:7: duplicate rule id a.x (first defined at alpha.vkl:7)"), problems());
    }

    @Test
    void missingHeaderIsNamed() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD.replace("@threshold 10\n", "") + "term a.x 5 3 \"xx\"\n");
        assertEquals(List.of("alpha.vkl: missing header @threshold"), problems());
    }

    @Test
    void duplicateHeaderNamesBothLines() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD + "@name Again\nterm a.x 5 3 \"xx\"\n");
        assertEquals(List.of("alpha.vkl:7: duplicate header @name (first at line 2)"), problems());
    }

    @Test
    void headerAfterTheFirstRuleIsRefused() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD.replace("@version 1\n", "") + "term a.x 5 3 \"xx\"\n@version 1\n");
        assertEquals(List.of("alpha.vkl:7: header @version after the first rule (headers come before all rules)",
                "alpha.vkl: missing header @version"), problems());
    }

    @Test
    void unknownHeaderIsRefused() throws IOException {
        validAlpha();
        write("alpha.vkl", "@colour red\n" + HEAD + "term a.x 5 3 \"xx\"\n");
        assertEquals(List.of("alpha.vkl:1: unknown header @colour (expected one of @category, @name, @severity, "
                + "@threshold, @language, @version)"), problems());
    }

    @Test
    void headerValuesOutOfRangeAreRefused() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD.replace("@severity 3", "@severity 6").replace("@threshold 10", "@threshold 0")
                + "term a.x 5 - \"xx\"\n");
        assertEquals(List.of("alpha.vkl:3: @severity 6 out of range 1-5", "alpha.vkl:4: @threshold 0 out of range 1-1000"),
                problems());
    }

    @Test
    void unknownCategoryIsRefused() throws IOException {
        validAlpha();
        write("beta.vkl", HEAD.replace("alpha", "beta") + "term b.x 5 3 \"xx\"\n");
        assertEquals(List.of("beta.vkl:1: unknown category beta (not listed in categories.txt)"), problems());
    }

    @Test
    void categoryMustMatchTheFileName() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\nbeta\tBeta\tSecond\tcontact\t-\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"xx\"\n");
        write("beta.vkl", HEAD + "term b.x 5 3 \"xx\"\n");
        assertEquals(List.of("beta.vkl:1: @category alpha does not match the file name (expected @category beta in beta.vkl)"),
                problems());
    }

    @Test
    void registryProblemsAreReportedWithTheirLines() throws IOException {
        registry("# comment\nalpha\tAlpha\tFirst\tcontent\t-\nalpha\tAgain\tDup\tcontent\t-\nBad-Id\tX\tY\tcontent\t-\njust one field\ngamma\tGamma\tThird\tconduct\t-\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"xx\"\n");
        assertEquals(List.of("categories.txt:3: duplicate category alpha (first at line 2)",
                "categories.txt:4: bad category id \"Bad-Id\" (use [a-z][a-z0-9_]*)",
                "categories.txt:5: expected id<TAB>display name<TAB>description<TAB>risks<TAB>illegal|-, got 1 tab-separated field(s)",
                "categories.txt:6: category gamma has no list file gamma.vkl"), problems());
    }

    @Test
    void registryNamesTheFourCsAndTheIllegalFlag() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent,cash\t-\nbeta\tBeta\tSecond\tcontact\tmaybe\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"xx\"\n");
        assertEquals(List.of("categories.txt:1: risks \"content,cash\" must be a comma list of content, contact, conduct,"
                        + " commerce (the 4 Cs)",
                "categories.txt:2: last field \"maybe\" must be illegal or - (does the category concern illegal content?)",
                "alpha.vkl:1: unknown category alpha (not listed in categories.txt)"),
                problems());
    }

    @Test
    void categoryWithoutAListFileIsNamedAtItsOwnLineEvenWithSpacesAroundTheId() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\r\n# comment\n  beta \tBeta\tSecond\tcontact\t-\r\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"xx\"\n");
        assertEquals(List.of("categories.txt:3: category beta has no list file beta.vkl"), problems());
    }

    @Test
    void missingRegistryIsRefused() throws IOException {
        write("alpha.vkl", HEAD + "term a.x 5 3 \"xx\"\n");
        assertTrue(problems().contains("categories.txt: missing (the list set needs its category registry)"));
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLineOfTheBadByte() throws IOException {
        validAlpha();
        byte[] head = (HEAD + "term a.ok 5 3 \"okay\"\nterm a.x 5 3 \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é, as a Windows editor saves it
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '\n';
        Files.write(dir.resolve("alpha.vkl"), bytes);
        assertEquals(List.of("alpha.vkl:8: not valid UTF-8 (byte 0xE9)"), problems());
    }

    @Test
    void duplicateIdsAreReportedEvenInFilesWithOtherProblems() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\nbeta\tBeta\tSecond\tcontact\t-\n");
        write("alpha.vkl", HEAD + "term a.x 5 3 \"one\"\nterm a.bad 0 3 \"two\"\nterm a.x 5 3 \"three\"\n");
        write("beta.vkl", HEAD.replace("alpha", "beta") + "term a.x 5 3 \"four\"\n");
        assertEquals(List.of("alpha.vkl:8: weight 0 out of range 1-100 (or banned)",
                "alpha.vkl:9: duplicate rule id a.x (first defined at alpha.vkl:7)",
                "beta.vkl:7: duplicate rule id a.x (first defined at alpha.vkl:7)"), problems());
    }

    @Test
    void nearPatternLongerThanItsWindowCanNeverMatchAndIsRefused() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD + "near a.x banned 3 2 \"cut* my arm*\" \"knife\"\n"
                + "near a.ok banned 3 2 \"self harm\" \"knife\"\n");
        assertEquals(List.of("alpha.vkl:7: pattern \"cut* my arm*\" spans 3 words, more than the near window of 2: "
                + "the rule can never match"), problems());
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() throws IOException {
        registry("alpha\tAlpha\tFirst\tcontent\t-\n");
        write("alpha.vkl", HEAD + "term a.x 0 3 \"xx\"\nterm a.y 5 7 \"yy\"\nnear a.z banned 3 99 \"zz\"\n");
        assertEquals(List.of("alpha.vkl:7: weight 0 out of range 1-100 (or banned)",
                "alpha.vkl:8: severity 7 out of range 1-5 (or - for the file's @severity)",
                "alpha.vkl:9: near window 99 out of range 1-50 words",
                "alpha.vkl:9: near needs at least two quoted patterns, got 1"), problems());
    }

    @Test
    void dashSeverityTakesTheFileDefaultAndCommentsAreIgnored() throws Exception {
        registry("alpha\tAlpha\tFirst\tcontent\t-  # registry comment\n");
        write("alpha.vkl", HEAD + "# a comment\n\nterm a.x banned - \"hash # inside quotes\"   # trailing\n");
        KeywordEngine engine = KeywordEngine.load(dir);
        assertEquals(3, engine.scan("hash # inside quotes").severity());
        assertEquals(1, engine.ruleCount());
    }

    @Test
    void notADirectoryIsRefused() {
        Path missing = dir.resolve("nope");
        assertEquals(List.of(missing + ": not a directory"),
                assertThrows(ListValidationException.class, () -> KeywordEngine.load(missing)).problems());
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        validAlpha();
        Files.write(dir.resolve("alpha.vkl"), ("\uFEFF" + HEAD + "term a.x 5 3 \"xx\"\n").getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> KeywordEngine.load(dir));
    }

    @Test
    void domainRulesMustBeBareHostNamesListedOnce() throws IOException {
        registry("alpha\tAlpha\tFirst test category\tcontent\t-\n");
        write("alpha.vkl", HEAD + """
                domain a.site.ok 3 "example.org"
                domain a.site.scheme 3 "https://example.net"
                domain a.site.www 3 "www.example.net"
                domain a.site.one-label 3 "localhost"
                domain a.site.again 3 "example.org"
                domain a.site.weight banned 3 "example.com"
                """);
        assertEquals(List.of(
                "alpha.vkl:8: domain \"https://example.net\" is not a host name: write it lower case with at least two"
                        + " labels and no scheme, www., port or path (e.g. \"example.org\"); sub-domains match too",
                "alpha.vkl:9: domain \"www.example.net\" is not a host name: write it lower case with at least two"
                        + " labels and no scheme, www., port or path (e.g. \"example.org\"); sub-domains match too",
                "alpha.vkl:10: domain \"localhost\" is not a host name: write it lower case with at least two"
                        + " labels and no scheme, www., port or path (e.g. \"example.org\"); sub-domains match too",
                "alpha.vkl:12: domain expects: domain <id> <severity> \"<host>\" (one quoted host name)",
                "alpha.vkl:11: rule a.site.again lists the same domain as line 7: keep one"), problems());
    }
}
