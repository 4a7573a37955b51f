package io.vigil.console.web;

import io.vigil.console.audit.AuditedCasework.AlertDetail;
import io.vigil.console.people.AlertPeople;
import io.vigil.console.people.AlertSubject;
import io.vigil.console.domain.Agency;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.IncidentRoute;
import io.vigil.console.domain.LanguageCode;
import io.vigil.console.domain.Outcome;
import io.vigil.console.domain.Severity;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.web.view.AlertRow;
import io.vigil.console.web.view.AlertView;
import io.vigil.console.web.view.CaseView;
import io.vigil.console.web.view.Option;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns an alert, its case and explanation into the alert page's view, every time in school time. */
final class AlertDetailPage {

    /** Query parameters search engines put the searched words in. */
    private static final List<String> SEARCH_PARAMS = List.of("q", "search_query", "p", "query");

    private final CategoryCatalog categories;
    private final Set<String> illegalCategories;
    private final Clock clock;
    private final AlertPeople people;

    AlertDetailPage(CategoryCatalog categories, Set<String> illegalCategories, Clock clock) {
        this(categories, illegalCategories, clock, AlertPeople.NONE);
    }

    AlertDetailPage(CategoryCatalog categories, Set<String> illegalCategories, Clock clock, AlertPeople people) {
        this.categories = categories;
        this.illegalCategories = Set.copyOf(illegalCategories);
        this.clock = clock;
        this.people = people;
    }

    /** Who the alert is about, as the directory says. */
    AlertSubject subject(StoredAlert a) {
        return people.of(List.of(a)).getOrDefault(a.uuid(), AlertSubject.unknown(a.user()));
    }

    AlertView view(String username, AlertDetail d, boolean canAct, boolean mayViewEvidence, String notice) {
        StoredAlert a = d.alert();
        List<AlertView.Fact> context = new ArrayList<>();
        context.add(new AlertView.Fact("Time", InboxPage.TIME.format(a.occurredAt()), a.occurredAt().toString()));
        AlertSubject subject = subject(a);
        context.add(new AlertView.Fact("User", subject.label()));
        context.add(new AlertView.Fact("Login", a.user()));
        if (subject.genericLogin()) {
            context.add(new AlertView.Fact("Generic login", "a generic or shared login: anyone may have been typing"));
        }
        context.add(new AlertView.Fact("Device", a.deviceHostname()));
        subject.allocatedTo().ifPresent(p -> context.add(new AlertView.Fact("Device allocated to", p.label())));
        if (subject.staffOnPupilDevice()) {
            context.add(new AlertView.Fact("Staff login on a pupil's device",
                    "a staff login was used on a device allocated to a pupil; this alert goes to the safeguarding team"));
        }
        context.add(new AlertView.Fact("Acceptable use notice", subject.notice().map(n -> "accepted version "
                + n.version() + " on " + InboxPage.TIME.format(n.acceptedAt())).orElse("no acceptance on record")));
        // The reason is safeguarding information: shown to safeguarding roles on the page, never in exports.
        subject.person().flatMap(io.vigil.console.people.Person::priority).filter(p -> mayViewEvidence)
                .ifPresent(p -> context.add(
                new AlertView.Fact("Priority pupil", p.reason() + " (marked by " + p.by() + ")")));
        context.add(new AlertView.Fact("Goes to", subject.route().describe()));
        context.add(new AlertView.Fact("School", d.schoolName()));
        context.add(new AlertView.Fact("App", a.app()));
        context.add(new AlertView.Fact("Window", a.windowTitle()));
        searchTerm(a.url()).ifPresentOrElse(term -> context.add(new AlertView.Fact("Search term", term)),
                () -> context.add(new AlertView.Fact("Address", a.url())));
        context.add(new AlertView.Fact("Language", a.language().isEmpty() ? "Not known"
                : LanguageCode.nameForDsl(a.language()).isEmpty() ? "English" : LanguageCode.nameForDsl(a.language())));
        context.removeIf(f -> f.value() == null || f.value().isBlank());
        var manual = IncidentRoute.ofSource(a.source());
        manual.ifPresent(r -> context.add(1, new AlertView.Fact("Logged by hand", r.label())));
        // Logged by hand, the DSL chose the route; raised by a device, the category says content may be illegal.
        boolean illegal = manual.map(r -> r == IncidentRoute.ILLEGAL_CONTENT)
                .orElse(illegalCategories.contains(a.category()));
        String route = illegal ? IncidentRoute.ILLEGAL_INSTRUCTION : null;
        return new AlertView(username, a.uuid(), a.severity(), Severity.label(a.severity()),
                categories.nameOf(a.category()), route, a.language(), LanguageCode.nameForDsl(a.language()),
                d.explanation().snippet(), d.explanation().reasons(), context, mayViewEvidence && d.hasScreenshot(),
                d.earlier().stream().map(this::row).toList(), caseView(d, canAct), notice);
    }

    AlertRow row(StoredAlert a) {
        return new AlertRow(a.uuid(), a.severity(), Severity.label(a.severity()), categories.nameOf(a.category()),
                a.snippet(), a.windowTitle(), a.user(), a.deviceHostname(), a.occurredAt().toString(),
                InboxPage.TIME.format(a.occurredAt()), a.status().label(), a.language(),
                LanguageCode.nameForDsl(a.language()), a.assignee());
    }

    private CaseView caseView(AlertDetail d, boolean canAct) {
        CaseRecord c = d.caseRecord();
        String assignee = c.assignee().orElse("");
        List<Option> assignable = new ArrayList<>();
        assignable.add(new Option("", "Choose a person", assignee.isEmpty()));
        d.assignable().forEach(u -> assignable.add(new Option(u, u, u.equals(assignee))));
        List<Option> statuses = Arrays.stream(AlertStatus.values()).filter(s -> s != AlertStatus.CLOSED)
                .map(s -> new Option(s.id(), s.label(), s == c.status())).toList();
        List<Option> outcomes = new ArrayList<>();
        outcomes.add(new Option("", "Choose an outcome", c.outcome().isEmpty()));
        Arrays.stream(Outcome.values()).forEach(o -> outcomes.add(new Option(o.id(), o.label(),
                c.outcome().map(o::equals).orElse(false))));
        List<Option> agencies = new ArrayList<>();
        agencies.add(new Option("", "Choose an agency", true));
        Arrays.stream(Agency.values()).forEach(ag -> agencies.add(new Option(ag.id(), ag.label(), false)));
        return new CaseView(c.status().label(), assignee,
                c.acknowledged().map(ack -> ack.by() + ", " + InboxPage.TIME.format(ack.at())).orElse(""),
                c.outcome().map(Outcome::label).orElse(""), c.cpomsReference().orElse(""),
                c.parentsNotInformed().orElse(""), c.legalHold(),
                c.notes().stream().map(n -> line(n.at(), n.author(), n.text())).toList(),
                c.referrals().stream().map(r -> line(r.recordedAt(), r.recordedBy(), r.agency().label() + ", referred "
                        + r.on() + ", reference " + r.reference())).toList(),
                c.history().stream().map(e -> line(e.at(), e.actor(), e.detail())).toList(),
                canAct, c.acknowledged().isPresent(), assignable, statuses, outcomes, agencies,
                LocalDate.now(clock.withZone(AlertQueryParams.SCHOOL_ZONE)).toString());
    }

    private static CaseView.Line line(Instant at, String who, String text) {
        return new CaseView.Line(at.toString(), InboxPage.TIME.format(at), who, text);
    }

    /** The words searched for, when the address is a search engine's results page. */
    static Optional<String> searchTerm(String url) {
        try {
            String query = URI.create(url.strip()).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && SEARCH_PARAMS.contains(pair.substring(0, eq))) {
                    String term = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                    if (!term.isEmpty()) {
                        return Optional.of(term);
                    }
                }
            }
        } catch (IllegalArgumentException notAUrl) {
            // Shown as the address it is.
        }
        return Optional.empty();
    }
}
