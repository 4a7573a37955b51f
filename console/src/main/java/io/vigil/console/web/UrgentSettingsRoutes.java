package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Permission;
import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.notify.OnCallRepository;
import io.vigil.console.notify.UrgentSettings;
import io.vigil.console.web.view.UrgentSettingsView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** GET /settings/urgent: who is on call for urgent alerts in each of the reader's schools. Safeguarding roles only. */
final class UrgentSettingsRoutes {

    private final OnCallRepository onCall;
    private final LongFunction<String> schoolName;
    private final Templates templates;

    UrgentSettingsRoutes(OnCallRepository onCall, LongFunction<String> schoolName, Templates templates) {
        this.onCall = onCall;
        this.schoolName = schoolName;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/settings/urgent", Access.to(Permission.ALERTS_TRIAGE), this::page);
    }

    private void page(Context ctx) {
        Session session = AccessControl.session(ctx);
        List<UrgentSettingsView.School> schools = new ArrayList<>();
        for (long id : session.scope().schoolIds()) {
            UrgentSettings s = onCall.settings(id);
            List<OnCallPerson> people = onCall.onCall(id);
            List<UrgentSettingsView.Person> rows = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                rows.add(new UrgentSettingsView.Person(i + 1, people.get(i).username(), people.get(i).email()));
            }
            schools.add(new UrgentSettingsView.School(schoolName.apply(id), s.minSeverity(), s.escalateAfterMinutes(),
                    rows));
        }
        ctx.html(templates.render("urgent-settings.jte", new UrgentSettingsView(session.username(), schools)));
    }
}
