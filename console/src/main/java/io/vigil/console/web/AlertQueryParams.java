package io.vigil.console.web;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import java.util.Optional;
import java.util.function.Function;

/** Reads an {@link AlertQuery} from request parameters, naming the parameter when one is wrong. */
final class AlertQueryParams {

    private AlertQueryParams() {
    }

    static AlertQuery parse(Function<String, String> param) {
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
        return new AlertQuery(q, text(param, "category"), minSeverity, status, limit);
    }

    /**
     * The {@code offset} parameter: how many alerts to skip for paging. Limited so that offset plus limit stays
     * within {@link AlertQuery#MAX_LIMIT} until the search pages in the index itself.
     */
    static int offset(Function<String, String> param, AlertQuery query) {
        return intParam(param, "offset", 0, AlertQuery.MAX_LIMIT - query.limit()).orElse(0);
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
