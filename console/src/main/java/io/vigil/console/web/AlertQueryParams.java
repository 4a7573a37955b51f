package io.vigil.console.web;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reads an {@link AlertQuery} from request parameters, naming the parameter when one is wrong. */
final class AlertQueryParams {

    private AlertQueryParams() {
    }

    /** The inbox's dates are the school's calendar days (Europe/London, with BST), not UTC days. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    /** @param scope the reader's schools; a {@code school} parameter narrows to one of them */
    static AlertQuery parse(Function<String, String> param, Scope scope) {
        Optional<Integer> minSeverity = intParam(param, "minSeverity", 1, 5);
        int limit = intParam(param, "limit", 1, AlertQuery.MAX_LIMIT).orElse(AlertQuery.DEFAULT_LIMIT);
        Optional<AlertStatus> status = text(param, "status").map(s -> {
            try {
                return AlertStatus.fromId(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status: " + e.getMessage());
            }
        });
        Optional<String> q = text(param, "q");
        if (q.isPresent() && q.get().length() > 500) {
            throw ApiException.badRequest("q: at most 500 characters");
        }
        int offset = intParam(param, "offset", 0, AlertQuery.MAX_OFFSET).orElse(0);
        Scope narrowed = longParam(param, "school").map(id -> {
            if (!scope.contains(id)) {
                throw ApiException.badRequest("school: " + id + " is not one of your schools");
            }
            return Scope.of(id);
        }).orElse(scope);
        Optional<Instant> from = date(param, "from").map(d -> d.atStartOfDay(SCHOOL_ZONE).toInstant());
        Optional<Instant> to = date(param, "to").map(d -> d.plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant());
        try {
            return new AlertQuery(narrowed, q, text(param, "category"), minSeverity, status, text(param, "user"),
                    text(param, "device"), from, to, offset, limit);
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
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

    private static Optional<Long> longParam(Function<String, String> param, String name) {
        return text(param, name).map(raw -> {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + ": '" + raw + "' is not a whole number");
            }
        });
    }

    private static Optional<String> text(Function<String, String> param, String name) {
        return Optional.ofNullable(param.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> intParam(Function<String, String> param, String name, int min, int max) {
        return text(param, name).map(raw -> {
            int value;
            try {
                value = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + ": '" + raw + "' is not a whole number");
            }
            if (value < min || value > max) {
                throw ApiException.badRequest(name + ": must be " + min + " to " + max + ", was " + value);
            }
            return value;
        });
    }
}
