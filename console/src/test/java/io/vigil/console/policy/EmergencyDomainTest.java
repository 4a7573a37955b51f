package io.vigil.console.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.format.ListSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmergencyDomainTest {

    private static final String POLICY = """
            vigil-filter-policy 1
            category gaming
            domain gaming roblox.com
            group ks1
              block gaming
            group staff
            device-group ks1
            user teacher staff
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Harm.Example.|harm.example",
            "  sub.harm.example |sub.harm.example",
            "xn--bcher-kva.example|xn--bcher-kva.example"})
    void aHostNameIsNormalisedAsTheFilterMatchesIt(String input, String expected) {
        assertEquals(expected, EmergencyDomain.validate(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://harm.example/x|is a URL; give the host name only (the DNS filter sees names, not pages), for example harm.example",
            "harm.example/x|is a URL",
            "*.harm.example|is a pattern",
            "=harm.example|is a pattern",
            "harm|has no dot",
            "bücher.example|write IDNs as xn--",
            "harm..example|empty label",
            "harm example|character ' ' not allowed"})
    void anythingElseIsRefusedNamingTheProblem(String input, String problem) {
        String message = assertThrows(ConsoleException.class, () -> EmergencyDomain.validate(input)).getMessage();
        assertTrue(message.startsWith("domain: ") && message.contains(problem), message);
    }

    @Test
    void theBlockAppliesToEveryGroupAndLaterBlocksAccumulate() throws Exception {
        String once = EmergencyDomain.block(POLICY, "harm.example");
        String twice = EmergencyDomain.block(once, "other.example");
        assertEquals(2, twice.split("  block emergency", -1).length - 1, "one block line per group, added once:\n"
                + twice);
        FilterPolicy policy = FilterPolicy.parse("p.vfp", twice, ListSource.none());
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        for (String user : new String[] {"pupil", "teacher"}) {
            assertTrue(policy.decide("www.harm.example", user, now).blocked(), user);
            assertTrue(policy.decide("other.example", user, now).blocked(), user);
        }
        assertTrue(policy.decide("roblox.com", "pupil", now).blocked(), "the school's own rules stay");
    }

    @Test
    void aPolicyThatAllowsTheDomainIsRefusedRatherThanSilentlyIneffective() {
        String allowing = POLICY + "allow *.harm.example\n";
        String message = assertThrows(ConsoleException.class, () -> EmergencyDomain.block(allowing,
                "www.harm.example")).getMessage();
        assertTrue(message.contains("'allow *.harm.example'"), message);
    }

    @Test
    void aPolicyWithoutGroupsIsRefused() {
        assertThrows(ConsoleException.class, () -> EmergencyDomain.block("vigil-filter-policy 1\n", "harm.example"));
    }
}
