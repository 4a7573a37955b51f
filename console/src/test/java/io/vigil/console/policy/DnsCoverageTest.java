package io.vigil.console.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsCoverageTest {

    private static final String POLICY = """
            vigil-filter-policy 1
            illegal-entry iwf http://imagehost.example/a/b.jpg
            illegal-entry iwf imagehost.example/c
            illegal-entry iwf wholly-bad.example
            illegal-entry iwf http://other.example/x
            illegal-entry iwf http://third.example/y
            group default
            device-group default
            """;

    @Test
    void fullWebAddressesOnIllegalListsAreCountedWithAFewExamplesInPlainWords() {
        DnsCoverage coverage = DnsCoverage.of("school.vfp", POLICY);
        assertEquals(4, coverage.fullAddresses());
        assertEquals(3, coverage.examples().size());
        assertEquals("http://imagehost.example/a/b.jpg (school.vfp line 2)", coverage.examples().get(0));
        assertEquals("4 entries are full web addresses; the DNS filter can only block whole sites, so these are not "
                + "enforced on the device.", coverage.summary());
    }

    @Test
    void aPolicyOfWholeSitesStatesNoLimit() {
        DnsCoverage coverage = DnsCoverage.of("school.vfp",
                "vigil-filter-policy 1\nillegal-entry iwf bad.example\ngroup default\ndevice-group default\n");
        assertFalse(coverage.limited());
        assertEquals("", coverage.summary());
        assertEquals(List.of(), coverage.examples());
    }

    @Test
    void aDocumentThatDoesNotParseHasNoLimitsToState() {
        assertFalse(DnsCoverage.of("school.vfp", "garbage").limited());
    }
}
