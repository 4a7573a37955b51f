package io.vigil.console.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem a school's directory export can have is named with its row, and any problem refuses the file. */
class DirectoryCsvTest {

    private static final String HEADER = "Username,Display name,Year group,Form,Role\n";

    private static List<DirectoryEntry> parse(String text) {
        return DirectoryCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] file) {
        return assertThrows(InvalidDirectoryException.class, () -> DirectoryCsv.parse(file)).problems().stream()
                .map(DirectoryProblem::toString).toList();
    }

    @Test
    void aGoodExportBecomesPeopleWithEveryLoginLowerCase() {
        var people = parse(HEADER + "AJones;amelia.jones@oak.sch.uk,Amelia Jones,Year 8,8B,Pupil\r\n"
                + "tbaker,\"Baker, Tom\",,,Staff\n" + "head,Ruth Head,,,Head teacher\n\n");
        assertEquals(3, people.size());
        assertEquals(List.of("ajones", "amelia.jones@oak.sch.uk"), people.get(0).usernames());
        assertEquals("8", people.get(0).yearGroup());
        assertEquals("8B", people.get(0).form());
        assertEquals(DirectoryRole.PUPIL, people.get(0).role());
        assertEquals("Baker, Tom", people.get(1).displayName());
        assertEquals(DirectoryRole.HEADTEACHER, people.get(2).role());
    }

    @Test
    void columnsMayComeInAnyOrderWithMisStyleNames() {
        var people = parse("Role,Registration Group,Logins,Name,Year\npupil,RA,kid1,Kid One,R\n");
        assertEquals("R", people.getFirst().yearGroup());
        assertEquals("RA", people.getFirst().form());
    }

    @Test
    void aMissingColumnIsNamed() {
        assertEquals(List.of("row 1: missing column 'year group'"),
                problems("Username,Display name,Form,Role\najones,Amelia Jones,8B,pupil\n"));
    }

    @Test
    void anExtraColumnIsRefusedBecauseNothingMoreIsKept() {
        assertTrue(problems("Username,Display name,Year group,Form,Role,Date of birth\n").getFirst()
                .startsWith("row 1: unexpected column 'Date of birth'"));
    }

    @Test
    void aDuplicateUsernameNamesBothRows() {
        assertEquals(List.of("row 3: duplicate username 'ajones' (also on row 2)"),
                problems(HEADER + "ajones,Amelia Jones,8,8B,pupil\nAJONES,Anna Jones,9,9C,pupil\n"));
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertEquals(List.of("row 2: unknown role 'parent'; expected pupil, staff, headteacher or governor"),
                problems(HEADER + "p1,Pat Parent,,,parent\n"));
    }

    @Test
    void aBadOrMissingYearGroupIsNamed() {
        assertEquals(List.of("row 2: bad year group 'Year 14'; expected R, N or 1 to 13",
                        "row 3: no year group for a pupil"),
                problems(HEADER + "a,A,Year 14,8B,pupil\nb,B,,8B,pupil\n"));
    }

    @Test
    void formulaInjectionIsRefusedInEveryColumn() {
        var found = problems(HEADER + "ok,=HYPERLINK(\"http://x\"),8,8B,pupil\nok2,Name,8,@SUM(1),pupil\n");
        assertEquals(List.of("row 2: display name starts with '=', which a spreadsheet would run as a formula;"
                + " remove it", "row 3: form starts with '@', which a spreadsheet would run as a formula; remove it"),
                found);
    }

    @Test
    void everyBadRowIsReportedNotJustTheFirst() {
        var found = problems(HEADER + "a,A,8,8B,pupil\nb,,8,8B,pupil\nc,C,8,8B,alien\nd,D,8,8B,pupil\n");
        assertEquals(List.of("row 3: no display name", "row 4: unknown role 'alien'; expected pupil, staff,"
                + " headteacher or governor"), found);
    }

    @Test
    void aByteOrderMarkIsReadAndUtf16IsDecoded() {
        byte[] utf8 = ("\uFEFF" + HEADER + "zofia,Zofia Łukasz,7,7A,pupil\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("Zofia Łukasz", DirectoryCsv.parse(utf8).getFirst().displayName());
        byte[] utf16 = ("\uFEFF" + HEADER + "zofia,Zofia Łukasz,7,7A,pupil\n").getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Zofia Łukasz", DirectoryCsv.parse(utf16).getFirst().displayName());
    }

    @Test
    void aFileInAnotherEncodingIsRefusedNotMangled() {
        byte[] latin1 = (HEADER + "zoe,Zoë Smith,7,7A,pupil\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("the file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\""),
                problems(latin1));
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[CsvText.MAX_BYTES + 1];
        assertTrue(problems(big).getFirst().startsWith("the file is 5120 KB; the limit is 5 MB"));
    }

    @Test
    void anEmptyFileOrOneWithNobodyIsRefused() {
        assertEquals(List.of("the file is empty"), problems(""));
        assertEquals(List.of("the file has a header but nobody in it"), problems(HEADER));
    }

    @Test
    void aRowWithAnUnquotedCommaIsNamed() {
        assertEquals(List.of("row 2: has 6 cells but the header has 5 columns (an unquoted comma?)"),
                problems(HEADER + "tbaker,Baker, Tom,,,staff\n"));
    }
}
