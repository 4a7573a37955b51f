package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.Scope;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertQueryParamsTest {

    private static final Scope SCOPE = Scope.of(3, 7);

    private static ApiException refused(Map<String, String> params) {
        return assertThrows(ApiException.class, () -> AlertQueryParams.parse(params::get, SCOPE));
    }

    @Test
    void emptyParametersMeanNoFiltersAndLimit50() {
        var query = AlertQueryParams.parse(Map.<String, String>of()::get, SCOPE);
        assertEquals(Optional.empty(), query.text());
        assertEquals(Optional.empty(), query.minSeverity());
        assertEquals(50, query.limit());
    }

    @Test
    void allFiltersAreRead() {
        var query = AlertQueryParams.parse(Map.of("q", " kill ", "category", "self_harm", "minSeverity", "4",
                "status", "in_review", "limit", "500", "offset", "100", "school", "7", "user", "j.smith",
                "from", "2026-07-01", "to", "2026-07-01")::get, SCOPE);
        assertEquals(Optional.of("kill"), query.text());
        assertEquals(Optional.of("self_harm"), query.category());
        assertEquals(Optional.of(4), query.minSeverity());
        assertEquals(Optional.of(AlertStatus.IN_REVIEW), query.status());
        assertEquals(500, query.limit());
        assertEquals(100, query.offset());
        assertEquals(Scope.of(7), query.scope(), "narrowed to one of the reader's schools");
        assertEquals(Optional.of("j.smith"), query.user());
        assertEquals(Optional.of(java.time.Instant.parse("2026-06-30T23:00:00Z")), query.from(),
                "midnight in London during BST");
        assertEquals(Optional.of(java.time.Instant.parse("2026-07-01T23:00:00Z")), query.to(), "the whole day");
    }

    @Test
    void aSchoolOutsideTheReadersScopeIsRefused() {
        ApiException e = refused(Map.of("school", "99"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not one of your schools"), e.getMessage());
    }

    @Test
    void badValuesAre400NamingTheParameter() {
        for (var bad : Map.of("minSeverity", "abc", "limit", "501", "status", "done", "offset", "-1",
                "from", "yesterday", "school", "oak").entrySet()) {
            ApiException e = refused(Map.of(bad.getKey(), bad.getValue()));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith(bad.getKey() + ":"), e.getMessage());
        }
        assertEquals(400, refused(Map.of("minSeverity", "6")).status());
        assertEquals(400, refused(Map.of("limit", "0")).status());
    }
}
