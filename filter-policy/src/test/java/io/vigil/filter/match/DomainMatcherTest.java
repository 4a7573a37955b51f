package io.vigil.filter.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainMatcherTest {

    private static final DomainMatcher MATCHER = build();

    private static DomainMatcher build() {
        DomainMatcher.Builder b = DomainMatcher.builder();
        assertNull(b.add("example.com", 1));
        assertNull(b.add("*.wild.org", 2));
        assertNull(b.add("=exact.net", 4));
        assertNull(b.add("Mixed.Example.COM.", 8));
        return b.build();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            example.com,          1
            a.b.example.com,      1
            mixed.example.com,    9
            notexample.com,       0
            com,                  0
            wild.org,             0
            x.wild.org,           2
            y.x.wild.org,         2
            exact.net,            4
            www.exact.net,        0
            """)
    void matchesBySuffixWildcardAndExactName(String name, long expected) {
        assertEquals(expected, MATCHER.match(name));
    }

    @Test
    void holdsAHundredThousandDomains() {
        DomainMatcher.Builder b = DomainMatcher.builder();
        for (int i = 0; i < 100_000; i++) {
            b.add("blocked" + i + ".example", 1L << (i % 60));
        }
        DomainMatcher m = b.build();
        assertEquals(100_000, m.size());
        assertEquals(1L << (99_999 % 60), m.match("www.blocked99999.example"));
        assertEquals(0, m.match("blocked100000.example"));
    }
}
