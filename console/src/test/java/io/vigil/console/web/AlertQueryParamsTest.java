package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertQueryParamsTest {

    private static ApiException refused(Map<String, String> params) {
        return assertThrows(ApiException.class, () -> AlertQueryParams.parse(params::get));
    }

    @Test
    void emptyParametersMeanNoFiltersAndLimit50() {
        var query = AlertQueryParams.parse(Map.<String, String>of()::get);
        assertEquals(Optional.empty(), query.text());
        assertEquals(Optional.empty(), query.minSeverity());
        assertEquals(50, query.limit());
    }

    @Test
    void allFiltersAreRead() {
        var query = AlertQueryParams.parse(Map.of("q", " kill ", "category", "self_harm", "minSeverity", "4",
                "status", "in_review", "limit", "500")::get);
        assertEquals(Optional.of("kill"), query.text());
        assertEquals(Optional.of("self_harm"), query.category());
        assertEquals(Optional.of(4), query.minSeverity());
        assertEquals(Optional.of(AlertStatus.IN_REVIEW), query.status());
        assertEquals(500, query.limit());
    }

    @Test
    void offsetIsReadAndKeptWithinWhatTheSearchCanPage() {
        var query = AlertQueryParams.parse(Map.of("limit", "50")::get);
        assertEquals(0, AlertQueryParams.offset(Map.<String, String>of()::get, query));
        assertEquals(100, AlertQueryParams.offset(Map.of("offset", "100")::get, query));
        for (String bad : new String[] {"-1", "ten", "451"}) {
            ApiException e = assertThrows(ApiException.class,
                    () -> AlertQueryParams.offset(Map.of("offset", bad)::get, query));
            assertTrue(e.getMessage().startsWith("offset: "), e.getMessage());
        }
    }

    @Test
    void badValuesAre400NamingTheParameter() {
        for (var bad : Map.of("minSeverity", "abc", "limit", "501", "status", "done").entrySet()) {
            ApiException e = refused(Map.of(bad.getKey(), bad.getValue()));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith(bad.getKey() + ":"), e.getMessage());
        }
        assertEquals(400, refused(Map.of("minSeverity", "6")).status());
        assertEquals(400, refused(Map.of("limit", "0")).status());
    }
}
