package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Readership;
import io.vigil.console.domain.Route;
import io.vigil.console.domain.Scope;
import java.util.Collections;
import java.util.List;

/**
 * The one SQL predicate that applies a reader's {@link Readership} to alerts (alias {@code a}): every alert read
 * path of the store appends it, so a colleague's alert or one about the reader cannot reach a list, a count, a
 * search re-check, a detail page, a screenshot, an export or a timeline.
 *
 * <p>The route is computed at read time from the directory, so a re-import or a new allocation takes effect at
 * once. An alert's subject is the person behind its login ({@code directory_logins}, lower case); an alert on a
 * device allocated to a pupil goes to the safeguarding team whoever logged in (flagged on the alert page).
 */
final class RoutingSql {

    /** The route id of alert {@code a}; mirrored for display by {@code people.AlertPeople}. */
    static final String ROUTE = """
            (case when exists (select 1 from device_allocations da join directory_people dp on dp.id = da.person_id
                               where da.device_id = a.device_id and dp.role = 'pupil') then 'dsl'
                  else coalesce((select case p.role when 'headteacher' then 'chair' when 'pupil' then 'dsl'
                                        else 'head' end
                                 from directory_logins l join directory_people p on p.id = l.person_id
                                 where l.school_id = a.school_id and l.username = lower(a.username)), 'dsl') end)""";

    /** 1 when alert {@code a} is about a pupil a DSL marked as priority, else 0: an ordering key. */
    static final String PRIORITY = """
            (case when exists (select 1 from directory_logins l join directory_people p on p.id = l.person_id
                               where l.school_id = a.school_id and l.username = lower(a.username)
                                 and p.priority_reason is not null) then 1 else 0 end)""";

    private RoutingSql() {
    }

    /**
     * The clause to append to a where clause on {@code alerts a} ({@code " and ..."}, or "" for the console's own
     * unrestricted reads), adding its parameters to {@code params}.
     */
    static String and(Scope scope, List<Object> params) {
        return and(scope, params, true);
    }

    /**
     * As {@link #and(Scope, List)}; with {@code directoryInUse} false (no school of the scope has a directory) every
     * alert is the safeguarding team's and only the reader's own login is to be left out, so the per-row lookups
     * are left out too: the inbox then reads its indexes as it did before routing existed.
     */
    static String and(Scope scope, List<Object> params, boolean directoryInUse) {
        Readership r = scope.readership();
        if (r.unrestricted()) {
            return "";
        }
        if (r.routes().isEmpty()) {
            return " and 1 = 0";
        }
        if (!directoryInUse) {
            if (!r.routes().contains(Route.SAFEGUARDING)) {
                return " and 1 = 0";
            }
            params.add(r.reader());
            return " and lower(a.username) <> ?";
        }
        StringBuilder sql = new StringBuilder(" and ").append(ROUTE).append(" in (")
                .append(String.join(",", Collections.nCopies(r.routes().size(), "?"))).append(")");
        r.routes().stream().map(Route::id).sorted().forEach(params::add);
        // Never about yourself: your console username as a login, any login of the person it is, or of the person
        // your account is linked to.
        sql.append(" and lower(a.username) <> ?");
        params.add(r.reader());
        sql.append(" ").append("""
                and not exists (select 1 from directory_logins l join directory_logins mine on mine.person_id = l.person_id
                                 where l.school_id = a.school_id and l.username = lower(a.username) and mine.username = ?)
                and not exists (select 1 from directory_logins l join console_user_people cup on cup.person_id = l.person_id
                                 join users u on u.id = cup.user_id
                                 where l.school_id = a.school_id and l.username = lower(a.username)
                                   and lower(u.username) = ?)""");
        params.add(r.reader());
        params.add(r.reader());
        return sql.toString();
    }

    /** The clause as {@link #and}, with its parameters returned in an array after {@code leading} ones. */
    static Clause clause(Scope scope) {
        List<Object> params = new java.util.ArrayList<>();
        String sql = and(scope, params);
        return new Clause(sql, params);
    }

    record Clause(String sql, List<Object> params) {
    }
}
