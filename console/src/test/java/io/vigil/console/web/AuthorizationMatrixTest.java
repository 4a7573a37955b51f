package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.console.domain.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route × every role, against the expected status written out by hand below. The table is the
 * specification: a new route fails {@link #theMatrixCoversExactlyTheRegisteredRoutes} until a row says who
 * may use it. Redirects are written {@code 303>/target}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Columns after the route: nobody signed in, then each role in {@link Role} order. */
    private static final String MATRIX = """
            # route               anonymous  dsl        deputy_dsl online_safety_lead it_provider headteacher chair_of_governors governor auditor
            GET /api/health       200        200        200        200        200        200        200        200        200
            POST /api/session     415        415        415        415        415        415        415        415        415
            DELETE /api/session   204        204        204        204        204        204        204        204        204
            GET /api/session      401        200        200        200        200        200        200        200        200
            GET /api/alerts       401        200        200        403        403        200        200        403        403
            GET /api/alerts/ids   401        200        200        403        403        200        200        403        403
            GET /api/alerts/{uuid}/screenshot 401 400  400        403        403        403        403        403        403
            GET /api/alerts/{uuid}/case 401      200        200        403        403        200        200        403        403
            POST /api/alerts/{uuid}/case 401     400        400        403        403        400        400        403        403
            GET /api/schools/{school}/settings 401 200  200        403        403        403        403        403        403
            POST /api/schools/{school}/settings 401 400 400        403        403        403        403        403        403
            GET /api/rules/precision 401         403        403        200        200        403        403        403        403
            GET /api/devices      401        200        200        200        200        403        403        403        403
            GET /api/notice-acceptances 401 200     200        403        403        403        403        403        403
            GET /login            200        200        200        200        200        200        200        200        200
            POST /login           401        401        401        401        401        401        401        401        401
            POST /logout          303>/login 303>/login 303>/login 303>/login 303>/login 303>/login 303>/login 303>/login 303>/login
            GET /                 303>/login 303>/inbox 303>/inbox 303>/welcome 303>/welcome 303>/welcome 303>/welcome 303>/welcome 303>/welcome
            GET /welcome          303>/login 200        200        200        200        200        200        200        200
            GET /coverage         303>/login 200        200        200        200        200        200        200        200
            GET /inbox            303>/login 200        200        403        403        200        200        403        403
            GET /inbox/rows       303>/login 200        200        403        403        200        200        403        403
            GET /alerts/{uuid}    303>/login 200        200        403        403        200        200        403        403
            POST /alerts/{uuid}/case 303>/login 400     400        403        403        400        400        403        403
            GET /alerts/{uuid}/record 303>/login 200    200        403        403        200        200        403        403
            GET /alerts/{uuid}/record.pdf 303>/login 200 200       403        403        200        200        403        403
            GET /alerts/{uuid}/record.csv 303>/login 200 200       403        403        200        200        403        403
            GET /incidents/new    303>/login 200        200        403        403        403        403        403        403
            POST /incidents       303>/login 400        400        403        403        403        403        403        403
            GET /rules/precision  303>/login 403        403        200        200        403        403        403        403
            GET /audit            303>/login 200        403        403        403        200        200        403        200
            GET /audit.csv        303>/login 200        403        403        403        200        200        403        200
            """;

    /** Served by Javalin's static-file handler rather than a route, but held to the same table. */
    private static final String STATIC_FILES = "GET /static/inbox.js 200 200 200 200 200 200 200 200 200";

    private FakeConsole console;

    @BeforeAll
    void start() {
        console = new FakeConsole();
        console.alerts.add(FakeConsole.alert(1, 5, "suicide", "i want to die"));
    }

    @AfterAll
    void stop() {
        console.close();
    }

    private static Map<String, List<String>> rows(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            rows.put(cells[0] + " " + cells[1], Arrays.asList(cells).subList(2, cells.length));
        }
        return rows;
    }

    @Test
    void theMatrixCoversExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        console.server.routes().forEach(r -> registered.add(r.method() + " " + r.path()));
        assertEquals(new TreeSet<>(rows(MATRIX).keySet()), registered);
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheMatrixSays() throws Exception {
        Map<String, List<String>> rows = rows(MATRIX);
        rows.putAll(rows(STATIC_FILES));
        List<String> mismatches = new ArrayList<>();
        for (var row : rows.entrySet()) {
            String method = row.getKey().split(" ")[0];
            // Path parameters are filled with the fake's one alert (which has no screenshot) and its school.
            String path = row.getKey().split(" ")[1].replace("{uuid}", "00000000-0000-0000-0000-000000000001")
                    .replace("{school}", String.valueOf(FakeConsole.SCHOOL));
            for (int column = 0; column <= Role.values().length; column++) {
                // A fresh session for every cell: sign-out routes end the session they are called with.
                PlainHttp client = column == 0 ? console.client() : console.client(Role.values()[column - 1]);
                String who = column == 0 ? "anonymous" : Role.values()[column - 1].id();
                String actual = outcome(client.send(method, path));
                String expected = row.getValue().get(column);
                if (!actual.equals(expected)) {
                    mismatches.add(row.getKey() + " as " + who + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static String outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 303) {
            return "303>" + response.headers().firstValue("Location").orElse("?");
        }
        return String.valueOf(status);
    }
}
