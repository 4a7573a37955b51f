package io.vigil.console.web;

import io.vigil.console.audit.AuditedCasework.AlertDetail;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.Outcome;
import io.vigil.console.web.view.AlertView;
import io.vigil.console.web.view.CaseView;
import io.vigil.console.web.view.IncidentRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The incident record of one alert in the forms a school keeps: a printable page (rendered by
 * {@code record.jte}), a PDF, and a CSV laid out for import into CPOMS (one incident per row).
 */
final class IncidentExports {

    /** CPOMS's incident import columns, in its order, then Vigil's own id so a record can be traced back. */
    static final List<String> CSV_COLUMNS = List.of("Student", "Date", "Time", "Category", "Incident",
            "Action taken", "Outcome", "Status", "Assigned to", "Reference", "Vigil alert");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK)
            .withZone(AlertQueryParams.SCHOOL_ZONE);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK)
            .withZone(AlertQueryParams.SCHOOL_ZONE);
    /** A font that has Polish, Urdu-free Latin and Welsh letters; PDF's built-in Helvetica covers Latin-1 only. */
    private static final Path UNICODE_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final AlertDetailPage pages;
    private final Clock clock;

    IncidentExports(AlertDetailPage pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    IncidentRecord record(AlertDetail d, String exportedBy) {
        AlertView view = pages.view(exportedBy, d, false, false, null);
        CaseRecord c = d.caseRecord();
        List<AlertView.Fact> facts = new ArrayList<>();
        facts.add(new AlertView.Fact("Severity", view.severity() + " " + view.severityLabel()));
        facts.add(new AlertView.Fact("Category", view.categoryName()));
        facts.addAll(view.context());
        facts.add(new AlertView.Fact("Status", c.status().label()));
        facts.add(new AlertView.Fact("Assigned to", c.assignee().orElse("Nobody")));
        facts.add(new AlertView.Fact("Acknowledged", view.caseView().acknowledged().isEmpty() ? "Not yet"
                : view.caseView().acknowledged()));
        facts.add(new AlertView.Fact("Outcome", c.outcome().map(Outcome::label).orElse("Not closed")));
        facts.add(new AlertView.Fact("Recorded on CPOMS", c.cpomsReference().orElse("Not yet")));
        c.parentsNotInformed().ifPresent(r -> facts.add(new AlertView.Fact(
                "Parents not informed on police or social-care advice", r)));
        facts.add(new AlertView.Fact("Legal hold", c.legalHold() ? "Yes" : "No"));
        return new IncidentRecord(d.alert().uuid(), "Incident record: " + view.categoryName() + ", "
                + view.severityLabel().toLowerCase(Locale.UK), exportedBy, InboxPage.TIME.format(clock.instant()),
                facts, d.alert().snippet(), view.reasons(), view.illegalContentRoute(), view.caseView().notes(),
                view.caseView().referrals(), view.caseView().history());
    }

    /** One header row and one incident row, RFC 4180 quoting, UTF-8 with a BOM so spreadsheets read it right. */
    byte[] csv(AlertDetail d) {
        var a = d.alert();
        CaseRecord c = d.caseRecord();
        String incident = "Vigil alert (" + pages.row(a).severityLabel() + "): \"" + a.snippet() + "\" in "
                + a.app() + (a.windowTitle().isBlank() ? "" : " / " + a.windowTitle()) + " on " + a.deviceHostname()
                + ". " + String.join(" ", d.explanation().reasons());
        String actions = c.notes().stream().map(n -> InboxPage.TIME.format(n.at()) + " " + n.author() + ": "
                + n.text()).collect(Collectors.joining("\n"));
        String referrals = c.referrals().stream().map(r -> r.agency().label() + " " + r.on() + " ref "
                + r.reference()).collect(Collectors.joining("; "));
        if (!referrals.isEmpty()) {
            actions = actions + (actions.isEmpty() ? "" : "\n") + "Referrals: " + referrals;
        }
        // The pupil's name for CPOMS when the directory knows the login; else the login itself, as before.
        var subject = pages.subject(a);
        List<String> row = List.of(subject.person().isPresent() ? subject.label() : a.user(), DATE.format(a.occurredAt()), CLOCK_TIME.format(a.occurredAt()),
                pages.row(a).categoryName(), incident, actions, c.outcome().map(Outcome::label).orElse(""),
                c.status().label(), c.assignee().orElse(""), c.cpomsReference().orElse(""), a.uuid());
        String text = "\uFEFF" + csvLine(CSV_COLUMNS) + csvLine(row);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String csvLine(List<String> cells) {
        return cells.stream().map(IncidentExports::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * Quotes every cell, and puts a leading apostrophe before text a spreadsheet would run as a formula
     * (a pupil can type "=HYPERLINK(...)"): the record must never execute what a pupil wrote.
     */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    byte[] pdf(IncidentRecord record) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = Files.isReadable(UNICODE_FONT) ? PDType0Font.load(doc, UNICODE_FONT.toFile())
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PdfWriter writer = new PdfWriter(doc, font)) {
                writer.heading(record.title());
                writer.text("Exported by " + record.exportedBy() + " on " + record.exportedAt()
                        + ". Confidential: safeguarding record.");
                if (record.illegalContentRoute() != null) {
                    writer.text(record.illegalContentRoute());
                }
                writer.heading("What was written");
                writer.text(record.snippet());
                writer.heading("Why Vigil raised it");
                record.reasons().forEach(writer::text);
                writer.heading("Details");
                record.facts().forEach(f -> writer.text(f.label() + ": " + f.value()));
                section(writer, "Notes", record.notes());
                section(writer, "Referrals", record.referrals());
                section(writer, "History", record.history());
            }
            doc.getDocumentInformation().setTitle(record.title());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF record", e);
        }
    }

    private static void section(PdfWriter writer, String title, List<CaseView.Line> lines) {
        writer.heading(title);
        if (lines.isEmpty()) {
            writer.text("None.");
        }
        lines.forEach(l -> writer.text(l.time() + ", " + l.who() + ": " + l.text()));
    }

    /** Writes wrapped lines top to bottom, starting a new A4 page when one is full. */
    private static final class PdfWriter implements AutoCloseable {
        private static final float MARGIN = 50;
        private static final float SIZE = 10;
        private static final float LEADING = 14;
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;

        PdfWriter(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void heading(String text) {
            write(text, SIZE + 4, LEADING + 8);
        }

        void text(String text) {
            for (String paragraph : text.split("\\R")) {
                write(paragraph, SIZE, LEADING);
            }
        }

        private void write(String text, float size, float leading) {
            try {
                float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
                for (String line : wrap(printable(text), size, width)) {
                    if (stream == null || y - leading < MARGIN) {
                        newPage();
                    }
                    y -= leading;
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(line);
                    stream.endText();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Characters the font cannot draw (an emoji, a script it lacks) become '?', never a failed export. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
