package io.vigil.console.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.Scope;
import org.junit.jupiter.api.Test;

class AlertQueryParserTest {

    private final AlertQueryParser parser = new AlertQueryParser(AlertDocuments.queryAnalyzer());

    private String parse(AlertQuery.Builder query) {
        return parser.parse(query.build()).toString();
    }

    @Test
    void wordsAreRequiredAcrossAllTextFieldsAndStemmed() {
        String query = parse(AlertQuery.in(Scope.of(1)).text("killing vpn"));
        assertTrue(query.contains("+(snippet:kill"), query);
        assertTrue(query.contains("window:kill"), query);
        assertTrue(query.contains("user:killing"), query);
        assertTrue(query.contains("categoryText:kill"), query);
        assertTrue(query.contains("+(snippet:vpn"), query);
    }

    @Test
    void scopeAndEveryStructuredFilterBecomeIndexFilters() {
        String query = parse(AlertQuery.in(Scope.of(3, 7)).text("secret").category("grooming").minSeverity(4)
                .status(AlertStatus.NEW).user("j.smith").device("dev-1"));
        assertTrue(query.contains("#school:{3 7}"), query);
        assertTrue(query.contains("#category:grooming"), query);
        assertTrue(query.contains("#severity:[4 TO 5]"), query);
        assertTrue(query.contains("#status:new"), query);
        assertTrue(query.contains("#userExact:j.smith"), query);
        assertTrue(query.contains("#deviceId:dev-1"), query);
    }

    @Test
    void badSyntaxIsAPlainLanguageMessageNotAParserDump() {
        for (String bad : new String[] {"kill AND", "\"unclosed", "(a", "*leading", "/[/",
                "/[a-z]{1,10000}.*.*.*[a-z]*{1,1000}/"}) {
            var e = assertThrows(InvalidQueryException.class,
                    () -> parser.parse(AlertQuery.in(Scope.of(1)).text(bad).build()), bad);
            assertTrue(e.getMessage().contains("Search for words"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
            assertFalse(e.getMessage().contains("Encountered"), "no grammar dump: " + e.getMessage());
        }
        var unclosed = assertThrows(InvalidQueryException.class,
                () -> parser.parse(AlertQuery.in(Scope.of(1)).text("\"after school").build()));
        assertTrue(unclosed.getMessage().contains("a quotation mark is not closed"), unclosed.getMessage());
    }
}
