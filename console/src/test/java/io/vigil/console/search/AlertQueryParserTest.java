package io.vigil.console.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.InvalidQueryException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertQueryParserTest {

    private final AlertQueryParser parser = new AlertQueryParser(AlertDocuments.analyzer());

    @Test
    void wordsAreRequiredAcrossAllTextFieldsAndStemmed() {
        String query = parser.parse("killing vpn", Optional.empty(), Optional.empty()).toString();
        assertTrue(query.contains("+(snippet:kill"), query);
        assertTrue(query.contains("window:kill"), query);
        assertTrue(query.contains("user:killing"), query);
        assertTrue(query.contains("+(snippet:vpn"), query);
    }

    @Test
    void categoryAndSeverityBecomeFilters() {
        String query = parser.parse("secret", Optional.of("grooming"), Optional.of(4)).toString();
        assertTrue(query.contains("#category:grooming"), query);
        assertTrue(query.contains("#severity:[4 TO 5]"), query);
    }

    @Test
    void badSyntaxIsAnInvalidQueryWithAShortMessage() {
        for (String bad : new String[] {"kill AND", "\"unclosed", "(a", "*leading", "/[/",
                "/[a-z]{1,10000}.*.*.*[a-z]*{1,1000}/"}) {
            var e = assertThrows(InvalidQueryException.class,
                    () -> parser.parse(bad, Optional.empty(), Optional.empty()), bad);
            assertTrue(e.getMessage().startsWith("cannot understand the search"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
        }
    }
}
