package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditedDirectory;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Permission;
import io.vigil.console.people.CsvText;
import io.vigil.console.people.DirectoryProblem;
import io.vigil.console.people.ImportSummary;
import io.vigil.console.people.InvalidDirectoryException;
import io.vigil.console.people.Person;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The school's directory, asset log, generic logins and priority pupils, for safeguarding roles only
 * ({@code directory.manage}). Uploads are read from the raw request with their own bound (a directory export is
 * larger than the 64 KB the rest of the console accepts); every problem in a refused file is returned with its row.
 */
final class DirectoryRoutes {

    private final AuditedDirectory directory;
    private final Templates templates;
    private final java.util.function.LongFunction<String> schoolName;

    DirectoryRoutes(AuditedDirectory directory, Templates templates, java.util.function.LongFunction<String> schoolName) {
        this.directory = directory;
        this.templates = templates;
        this.schoolName = schoolName;
    }

    void register(SecuredRoutes routes) {
        Access manage = Access.to(Permission.DIRECTORY_MANAGE);
        routes.post("/api/directory", manage, this::importCsv)
                .get("/api/directory", manage, this::list)
                .post("/api/directory/priority", manage, this::priority)
                .post("/api/directory/allocations", manage, this::allocate)
                .post("/api/directory/generic-logins", manage, this::genericLogins);
        DirectoryPage page = new DirectoryPage(directory, templates, schoolName);
        routes.get("/directory", manage, page::show)
                .post("/directory", manage, page::importFile)
                .post("/directory/allocations", manage, page::allocate)
                .post("/directory/generic-logins", manage, page::genericLogins)
                .post("/directory/priority", manage, page::priority);
    }

    record ProblemView(int row, String problem) {
    }

    record RefusedView(String error, List<ProblemView> problems) {
    }

    record ImportView(int added, int updated, List<String> removed) {
    }

    record PersonView(long id, String name, String label, String yearGroup, String form, String role,
                      List<String> logins, Map<String, String> priority) {
        static PersonView of(Person p) {
            return new PersonView(p.id(), p.displayName(), p.label(), p.yearGroup(), p.form(), p.role().id(),
                    p.logins(), p.priority().map(x -> Map.of("reason", x.reason(), "by", x.by(),
                    "at", JsonViews.iso(x.at()))).orElse(null));
        }
    }

    /** Body: the CSV file itself. {@code ?school=ID} when the user has several schools. */
    private void importCsv(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        try {
            ImportSummary s = directory.importCsv(session.username(), session.scope(), school, upload(ctx));
            ctx.json(new ImportView(s.added(), s.updated(), s.removed()));
        } catch (InvalidDirectoryException e) {
            refuse(ctx, e.problems());
        }
    }

    private void list(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        ctx.json(Map.of("people", directory.people(session.username(), session.scope(), school).stream()
                .map(PersonView::of).toList(), "genericLogins", directory.genericLogins(session.username(),
                session.scope(), school)));
    }

    /** Body {@code {"login": "ajones", "reason": "..."}}; no reason (or "") removes the mark. */
    private void priority(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        Map<?, ?> body = json(ctx);
        String login = text(body, "login");
        Optional<String> reason = Optional.ofNullable(body.get("reason")).map(String::valueOf);
        if (!directory.priority(session.username(), session.scope(), school, login, reason)) {
            throw new ApiException(404, "no pupil with login '" + login + "' in the directory");
        }
        ctx.status(204);
    }

    /**
     * Body {@code {"device": "LAPTOP-7", "login": "ajones"}} for one device, or a CSV asset log
     * ({@code Content-Type: text/csv}, columns device and username) for many: checked whole, then applied.
     */
    private void allocate(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        if (String.valueOf(ctx.contentType()).startsWith("text/csv")) {
            List<String[]> rows = new ArrayList<>();
            try {
                List<List<String>> csv = CsvText.rows(upload(ctx));
                List<DirectoryProblem> problems = new ArrayList<>();
                for (int i = 1; i < csv.size(); i++) {
                    List<String> r = csv.get(i);
                    if (r.size() < 2 || r.get(0).isBlank() || r.get(1).isBlank()) {
                        if (!r.stream().allMatch(String::isBlank)) {
                            problems.add(new DirectoryProblem(i + 1, "needs a device and a username"));
                        }
                        continue;
                    }
                    rows.add(new String[] {r.get(0).strip(), r.get(1).strip(), String.valueOf(i + 1)});
                }
                if (!problems.isEmpty()) {
                    throw new InvalidDirectoryException(problems);
                }
            } catch (InvalidDirectoryException e) {
                refuse(ctx, e.problems());
                return;
            }
            List<DirectoryProblem> unknown = new ArrayList<>();
            for (String[] r : rows) {
                if (directory.allocate(session.username(), session.scope(), school, r[0], r[1]).isEmpty()) {
                    unknown.add(new DirectoryProblem(Integer.parseInt(r[2]), "unknown device '" + r[0]
                            + "' or login '" + r[1] + "'"));
                }
            }
            if (!unknown.isEmpty()) {
                refuse(ctx, unknown);
                return;
            }
            ctx.json(Map.of("allocated", rows.size()));
            return;
        }
        Map<?, ?> body = json(ctx);
        String device = text(body, "device");
        String login = text(body, "login");
        String id = directory.allocate(session.username(), session.scope(), school, device, login).orElseThrow(() ->
                new ApiException(404, "no device '" + device + "' or no person with login '" + login + "' in this school"));
        ctx.json(Map.of("device", id, "login", login));
    }

    /** Body {@code {"patterns": ["guest", "year7*"]}}: the whole list, replacing the school's. */
    private void genericLogins(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        Object patterns = json(ctx).get("patterns");
        if (!(patterns instanceof List<?> list)) {
            throw ApiException.badRequest("body must be JSON {\"patterns\": [\"guest\", \"year7*\"]}");
        }
        directory.replaceGenericLogins(session.username(), session.scope(), school,
                list.stream().map(String::valueOf).toList());
        ctx.status(204);
    }

    private static void refuse(Context ctx, List<DirectoryProblem> problems) {
        ctx.status(400);
        ctx.json(new RefusedView("file refused, nothing imported: " + problems.size() + " problem(s)",
                problems.stream().map(p -> new ProblemView(p.row(), p.problem())).toList()));
    }

    /** The raw body, refused past {@link CsvText#MAX_BYTES} (see {@link BoundedBody} for what happens to the rest). */
    static byte[] upload(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            return BoundedBody.read(in, CsvText.MAX_BYTES).orElseThrow(() -> new InvalidDirectoryException(List.of(
                    new DirectoryProblem(0, "the file is over the " + CsvText.MAX_BYTES / 1024 / 1024
                            + " MB limit: export only username, display name, year group, form and role"))));
        } catch (IOException e) {
            throw ApiException.badRequest("the upload was cut short: " + e.getMessage());
        }
    }

    private static Map<?, ?> json(Context ctx) {
        try {
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            if (body != null) {
                return body;
            }
        } catch (Exception notJson) { // Jackson's checked exceptions pass through Kotlin undeclared
            // fall through
        }
        throw ApiException.badRequest("the body must be a JSON object");
    }

    private static String text(Map<?, ?> body, String name) {
        Object value = body.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw ApiException.badRequest(name + ": required");
        }
        return String.valueOf(value).strip();
    }

    /** The school named, which must be in the user's scope, or their only school. */
    static long school(Session session, String param) {
        if (param == null || param.isBlank()) {
            if (session.scope().schoolIds().size() == 1) {
                return session.scope().ids()[0];
            }
            throw ApiException.badRequest("school: required, you have " + session.scope().schoolIds().size()
                    + " schools");
        }
        try {
            long id = Long.parseLong(param.strip());
            if (!session.scope().contains(id)) {
                throw ApiException.forbidden();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("school: '" + param + "' is not a school id");
        }
    }
}
