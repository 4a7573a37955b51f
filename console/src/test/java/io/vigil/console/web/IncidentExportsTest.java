package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentExportsTest {

    @Test
    void cellsAreQuotedAndQuotesDoubled() {
        assertEquals("\"she said \"\"stop\"\"\",\"two\r\nlines\"\r\n",
                IncidentExports.csvLine(List.of("she said \"stop\"", "two\r\nlines")));
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", IncidentExports.csvCell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+44 7700\"", IncidentExports.csvCell("+44 7700"));
        assertEquals("\"'@sum\"", IncidentExports.csvCell("@sum"));
        assertEquals("\"\"", IncidentExports.csvCell(null));
    }

    @Test
    void aSearchEnginesAddressShowsTheSearchedWords() {
        assertEquals("how to tie a noose", AlertDetailPage.searchTerm(
                "https://www.google.com/search?q=how+to+tie+a+noose&hl=en").orElseThrow());
        assertEquals(true, AlertDetailPage.searchTerm("https://example.org/chat").isEmpty());
        assertEquals(true, AlertDetailPage.searchTerm("not a url at all %").isEmpty());
    }
}
