package io.vigil.console.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What a reader asked the inbox for. Empty optionals mean "no filter"; {@code scope} is never optional: it is
 * the set of schools the reader may see, and the store and index apply it to every query.
 *
 * @param text   free text in the search index's query syntax
 * @param user   exact username
 * @param device exact device id
 * @param from   occurred at or after
 * @param to     occurred before
 */
public record AlertQuery(Scope scope, Optional<String> text, Optional<String> category, Optional<Integer> minSeverity,
                         Optional<AlertStatus> status, Optional<String> user, Optional<String> device,
                         Optional<Instant> from, Optional<Instant> to, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Paging deeper than this is not reading an inbox any more; narrow the search instead. */
    public static final int MAX_OFFSET = 100_000;

    public AlertQuery {
        java.util.Objects.requireNonNull(scope, "scope");
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        category = category.map(String::strip).filter(c -> !c.isEmpty());
        user = user.map(String::strip).filter(u -> !u.isEmpty());
        device = device.map(String::strip).filter(d -> !d.isEmpty());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1 to " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidQueryException("offset must be 0 to " + MAX_OFFSET);
        }
        if (minSeverity.isPresent() && (minSeverity.get() < 1 || minSeverity.get() > 5)) {
            throw new InvalidQueryException("minSeverity must be 1 to 5");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidQueryException("the 'from' date must be before the 'to' date");
        }
    }

    public static Builder in(Scope scope) {
        return new Builder(scope);
    }

    /** Every alert in {@code scope}, first page. */
    public static AlertQuery all(Scope scope) {
        return in(scope).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(scope);
        b.text = text;
        b.category = category;
        b.minSeverity = minSeverity;
        b.status = status;
        b.user = user;
        b.device = device;
        b.from = from;
        b.to = to;
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    /** Builds a query one filter at a time; unset filters stay empty. */
    public static final class Builder {
        private Scope scope;
        private Optional<String> text = Optional.empty();
        private Optional<String> category = Optional.empty();
        private Optional<Integer> minSeverity = Optional.empty();
        private Optional<AlertStatus> status = Optional.empty();
        private Optional<String> user = Optional.empty();
        private Optional<String> device = Optional.empty();
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private int offset;
        private int limit = DEFAULT_LIMIT;

        private Builder(Scope scope) {
            this.scope = scope;
        }

        public Builder scope(Scope value) { scope = value; return this; }
        public Builder text(String value) { text = Optional.ofNullable(value); return this; }
        public Builder category(String value) { category = Optional.ofNullable(value); return this; }
        public Builder minSeverity(Integer value) { minSeverity = Optional.ofNullable(value); return this; }
        public Builder status(AlertStatus value) { status = Optional.ofNullable(value); return this; }
        public Builder user(String value) { user = Optional.ofNullable(value); return this; }
        public Builder device(String value) { device = Optional.ofNullable(value); return this; }
        public Builder from(Instant value) { from = Optional.ofNullable(value); return this; }
        public Builder to(Instant value) { to = Optional.ofNullable(value); return this; }
        public Builder offset(int value) { offset = value; return this; }
        public Builder limit(int value) { limit = value; return this; }

        public AlertQuery build() {
            return new AlertQuery(scope, text, category, minSeverity, status, user, device, from, to, offset, limit);
        }
    }
}
