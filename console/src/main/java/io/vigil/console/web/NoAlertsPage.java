package io.vigil.console.web;

import io.vigil.console.auth.Session;

/** What roles without access to alert content see after signing in. */
final class NoAlertsPage {

    private NoAlertsPage() {
    }

    static String render(Session session) {
        String what = session.may(io.vigil.console.domain.Permission.DEVICES_READ)
                ? "Your roles include managing devices and enrolment tokens. The device list is available at"
                  + " <a href=\"/api/devices\">/api/devices</a>."
                : "Your roles will see anonymised reports here once they are available.";
        String main = "<h1>Welcome</h1><p>Alert content is visible only to the Designated Safeguarding Lead and"
                + " deputies.</p><p>" + what + "</p>";
        return Html.page("Welcome", InboxPage.signedIn(session.username()), main, null);
    }
}
