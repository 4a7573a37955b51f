package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.vigil.console.audit.AuditedDirectory;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.people.CsvText;
import io.vigil.console.people.DirectoryProblem;
import io.vigil.console.people.DirectoryRole;
import io.vigil.console.people.ImportSummary;
import io.vigil.console.people.InvalidDirectoryException;
import io.vigil.console.web.view.DirectoryView;
import io.vigil.console.web.view.Option;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** The People page: the same operations as the directory API, as forms for a DSL. */
final class DirectoryPage {

    private final AuditedDirectory directory;
    private final Templates templates;
    private final LongFunction<String> schoolName;

    DirectoryPage(AuditedDirectory directory, Templates templates, LongFunction<String> schoolName) {
        this.directory = directory;
        this.templates = templates;
        this.schoolName = schoolName;
    }

    void show(Context ctx) {
        Session session = AccessControl.session(ctx);
        render(ctx, session, DirectoryRoutes.school(session, ctx.queryParam("school")), null, List.of());
    }

    void importFile(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = DirectoryRoutes.school(session, ctx.queryParam("school"));
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            ctx.status(400);
            render(ctx, session, school, "Choose the CSV file to import.", List.of());
            return;
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(CsvText.MAX_BYTES + 1);
            ImportSummary s = directory.importCsv(session.username(), session.scope(), school, bytes);
            render(ctx, session, school, "Imported " + file.filename() + ": " + s.added() + " added, " + s.updated()
                    + " updated, " + s.removed().size() + " removed" + (s.removed().isEmpty() ? "."
                    : " (" + String.join(", ", s.removed()) + ")."), List.of());
        } catch (InvalidDirectoryException e) {
            ctx.status(400);
            render(ctx, session, school, null, e.problems().stream().map(DirectoryPage::describe).toList());
        } catch (IOException e) {
            throw ApiException.badRequest("the upload was cut short: " + e.getMessage());
        }
    }

    void allocate(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = DirectoryRoutes.school(session, ctx.queryParam("school"));
        String device = String.valueOf(ctx.formParam("device")).strip();
        String login = String.valueOf(ctx.formParam("login")).strip();
        boolean done = directory.allocate(session.username(), session.scope(), school, device, login).isPresent();
        if (!done) {
            ctx.status(400);
        }
        render(ctx, session, school, done ? device + " is allocated to " + login + "."
                : "Not allocated: no device " + device + " or nobody with login " + login + " in this school.", List.of());
    }

    void genericLogins(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = DirectoryRoutes.school(session, ctx.queryParam("school"));
        List<String> patterns = Arrays.stream(String.valueOf(ctx.formParam("patterns")).split("\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        try {
            directory.replaceGenericLogins(session.username(), session.scope(), school, patterns);
            render(ctx, session, school, "Generic logins saved.", List.of());
        } catch (InvalidQueryException e) {
            ctx.status(400);
            render(ctx, session, school, "Not saved: " + e.getMessage() + ".", List.of());
        }
    }

    void priority(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = DirectoryRoutes.school(session, ctx.queryParam("school"));
        String login = String.valueOf(ctx.formParam("login")).strip();
        Optional<String> reason = Optional.ofNullable(ctx.formParam("reason"));
        boolean done = directory.priority(session.username(), session.scope(), school, login, reason);
        boolean marked = reason.filter(r -> !r.isBlank()).isPresent();
        render(ctx, session, school, !done ? "No pupil with login " + login + "."
                : marked ? login + " is marked as priority." : login + " is no longer marked as priority.", List.of());
    }

    private void render(Context ctx, Session session, long school, String notice, List<String> problems) {
        var people = directory.people(session.username(), session.scope(), school).stream()
                .map(p -> new DirectoryView.PersonRow(p.displayName(), p.yearGroup(), p.form(), p.role().id(),
                        String.join(", ", p.logins()), p.priority().map(x -> x.reason()).orElse(""),
                        p.logins().isEmpty() ? "" : p.logins().getFirst(), p.role() == DirectoryRole.PUPIL))
                .toList();
        List<Option> schools = Arrays.stream(session.scope().ids()).mapToObj(id -> new Option(String.valueOf(id),
                schoolName.apply(id), id == school)).toList();
        ctx.html(templates.render("directory.jte", new DirectoryView(session.username(), school, schools, notice,
                problems, people, String.join("\n", directory.genericLogins(session.username(), session.scope(),
                school)))));
    }

    private static String describe(DirectoryProblem p) {
        return p.row() == 0 ? capitalised(p.problem()) : "Row " + p.row() + ": " + p.problem();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
