package io.vigil.console.web;

import io.vigil.console.domain.Scope;
import io.vigil.console.filtering.FilteringQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a {@link FilteringQuery}: {@code user}, {@code device} (id), {@code school}, {@code from}/{@code to}
 * (school calendar days, inclusive; the last 7 days when left out) and {@code limit}.
 */
final class FilteringQueryParams {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private FilteringQueryParams() {
    }

    static FilteringQuery parse(Function<String, String> param, Scope scope, Clock clock) {
        Scope narrowed = text(param, "school").map(raw -> {
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("school: '" + raw + "' is not a whole number");
            }
            if (!scope.contains(id)) {
                throw ApiException.badRequest("school: " + id + " is not one of your schools");
            }
            return Scope.of(id);
        }).orElse(scope);
        Instant to = date(param, "to").map(d -> d.plusDays(1).atStartOfDay(AlertQueryParams.SCHOOL_ZONE).toInstant())
                .orElse(clock.instant().plusSeconds(1));
        Instant from = date(param, "from").map(d -> d.atStartOfDay(AlertQueryParams.SCHOOL_ZONE).toInstant())
                .orElse(to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from: must be on or before to");
        }
        int limit = text(param, "limit").map(raw -> {
            try {
                return Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: '" + raw + "' is not a whole number");
            }
        }).orElse(200);
        if (limit < 1 || limit > FilteringQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit: must be 1 to " + FilteringQuery.MAX_LIMIT + ", was " + limit);
        }
        return new FilteringQuery(narrowed, text(param, "user"), text(param, "device"), from, to, limit);
    }

    private static Optional<LocalDate> date(Function<String, String> param, String name) {
        return text(param, name).map(raw -> {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + ": '" + raw + "' is not a date like 2026-12-02");
            }
        });
    }

    private static Optional<String> text(Function<String, String> param, String name) {
        return Optional.ofNullable(param.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
