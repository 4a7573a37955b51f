package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.cli.Cli;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a school's directory over real HTTPS and from the command line against a real console: a bad file
 * imports nothing and names its bad rows; a good one replaces the directory, removing (and auditing) people no
 * longer in it; a directory the size of a large secondary school is accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryImportIT {

    private static final io.vigil.console.testing.Authenticator AUTH = new io.vigil.console.testing.Authenticator();
    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "Username,Display name,Year group,Form,Role\n";
    private static final String GOOD = HEADER + "ajones,Amelia Jones,8,8B,pupil\nbsmith,Ben Smith,9,9C,pupil\n"
            + "tbaker,Tom Baker,,,staff\n";

    private Path dataDir;
    private StartedConsole console;
    private int webPort;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "elm.dsl", Set.of(Role.DSL), "Elm School", PASSWORD);
        AUTH.addOrReset(console, "cli.dsl", Set.of(Role.DSL), "Ash School", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
        assertEquals(204, client.postJson("/api/session", AUTH.sessionJson(user, PASSWORD)).statusCode());
        return client;
    }

    private static List<String> names(HttpsClient client) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(client.get("/api/directory").body()).get("people").forEach(p -> names.add(p.get("name")
                .asText()));
        return names;
    }

    private static java.net.http.HttpResponse<String> upload(HttpsClient client, String csv) throws Exception {
        return client.postBytes("/api/directory", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBadFileImportsNothingAndNamesEveryBadRowThenAGoodOneReplacesTheDirectory() throws Exception {
        HttpsClient dsl = signedIn("elm.dsl");
        assertEquals(200, upload(dsl, GOOD).statusCode());
        assertEquals(List.of("Amelia Jones", "Ben Smith", "Tom Baker"), names(dsl));

        // Good rows beside bad ones: nothing of it is imported, not even the new person on row 2.
        var refused = upload(dsl, HEADER + "newpupil,New Pupil,7,7A,pupil\n" + "ajones,Amelia Jones,8,8B,pupil\n"
                + "AJONES,Amelia Again,8,8B,pupil\n" + "x,=cmd|' /C calc'!A0,8,8B,pupil\n" + "y,Y,Year 15,8B,pupil\n"
                + "z,Z,,,parent\n");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode body = JSON.readTree(refused.body());
        List<String> problems = new ArrayList<>();
        body.get("problems").forEach(p -> problems.add(p.get("row").asInt() + ": " + p.get("problem").asText()));
        assertEquals(List.of("4: duplicate username 'ajones' (also on row 3)",
                "5: display name starts with '=', which a spreadsheet would run as a formula; remove it",
                "6: bad year group 'Year 15'; expected R, N or 1 to 13",
                "7: unknown role 'parent'; expected pupil, staff, headteacher or governor"), problems);
        assertEquals(List.of("Amelia Jones", "Ben Smith", "Tom Baker"), names(dsl), "nothing imported");
        assertEquals(400, upload(dsl, "Username,Display name,Form,Role\n").statusCode(), "missing column");

        // Re-import: Ben has left, Tom is now listed under a second login too; Ben's removal is audited by name.
        var replaced = upload(dsl, HEADER + "ajones,Amelia Jones,9,9B,pupil\ntbaker;t.baker,Tom Baker,,,staff\n");
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode summary = JSON.readTree(replaced.body());
        assertEquals(0, summary.get("added").asInt());
        assertEquals(2, summary.get("updated").asInt());
        assertEquals("Ben Smith", summary.get("removed").get(0).asText());
        assertEquals(List.of("Amelia Jones", "Tom Baker"), names(dsl));
        var audit = audit();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("directory.person_remove")
                && e.actor().equals("elm.dsl") && e.detail().contains("Ben Smith")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("directory.refused") && e.detail().contains(
                "rows=[4, 5, 6, 7]")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("directory.view") && e.actor().equals("elm.dsl")));
    }

    @Test
    void aLargeSecondarysDirectoryIsAcceptedAndAnOversizedFileRefused() throws Exception {
        HttpsClient dsl = signedIn("elm.dsl");
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            big.append("pupil").append(i).append(";pupil").append(i).append("@school.example,Pupil Number ")
                    .append(i).append(',').append(7 + i % 7).append(',').append(7 + i % 7).append("B,pupil\n");
        }
        assertTrue(big.length() > 64 * 1024, "larger than the console's ordinary request limit");
        var accepted = upload(dsl, big.toString());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(3000, JSON.readTree(dsl.get("/api/directory").body()).get("people").size());
        var tooBig = dsl.postBytes("/api/directory", "text/csv", new byte[6 * 1024 * 1024]);
        assertEquals(400, tooBig.statusCode());
        assertTrue(tooBig.body().contains("over the 5 MB limit"), tooBig.body());
        upload(dsl, GOOD);
    }

    @Test
    void theCommandLineImportsAndRefusesTheSameWay() throws Exception {
        Path good = dataDir.resolve("ash-good.csv");
        Files.writeString(good, "\uFEFF" + GOOD);
        Path bad = dataDir.resolve("ash-bad.csv");
        Files.writeString(bad, HEADER + "a,A,8,8B,pupil\nb,,8,8B,pupil\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = Cli.create(new ConsoleWiring(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        assertEquals(1, cli.execute("directory", "import", "--data", dataDir.toString(), "--school", "Ash School",
                bad.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("row 3: no display name"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), names(signedIn("cli.dsl")));
        assertEquals(0, cli.execute("directory", "import", "--data", dataDir.toString(), "--school", "Ash School",
                good.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("3 added, 0 updated, 0 removed"));
        assertEquals(List.of("Amelia Jones", "Ben Smith", "Tom Baker"), names(signedIn("cli.dsl")));
        assertEquals(0, cli.execute("user", "link", "--data", dataDir.toString(), "--school", "Ash School",
                "--username", "cli.dsl", "--login", "tbaker"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, cli.execute("user", "link", "--data", dataDir.toString(), "--school", "Ash School",
                "--username", "cli.dsl", "--login", "nobody"));
    }

    @Test
    void thePeoplePageImportsAFileAndListsEveryBadRow() throws Exception {
        AUTH.addOrReset(console, "oak.dsl", Set.of(Role.DSL), "Oak Page School", PASSWORD);
        HttpsClient dsl = signedIn("oak.dsl");
        var refused = postFile(dsl, HEADER + "a,A,8,8B,pupil\nb,B,8,8B,teacher's pet\n");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("File refused: nothing was imported"), refused.body());
        assertTrue(refused.body().contains("Row 3: unknown role"), refused.body());
        var imported = postFile(dsl, GOOD);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("Imported directory.csv: 3 added, 0 updated, 0 removed."), imported.body());
        String page = dsl.get("/directory").body();
        assertTrue(page.contains("Amelia Jones") && page.contains("Mark priority"), page);
        var marked = dsl.postForm("/directory/priority", "login=ajones&reason=Open+to+early+help");
        assertTrue(marked.body().contains("ajones is marked as priority."), marked.body());
        assertTrue(dsl.get("/directory").body().contains("Open to early help"));
        assertEquals(403, signedIn("elm.dsl").get("/directory?school=999").statusCode(), "not one of hers");
    }

    private static java.net.http.HttpResponse<String> postFile(HttpsClient client, String csv) throws Exception {
        String boundary = "----vigil" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"directory.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client.postBytes("/directory", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private List<io.vigil.console.audit.AuditEntry> audit() {
        try (var db = io.vigil.console.store.jdbc.Database.open(dataDir)) {
            return new io.vigil.console.store.jdbc.JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(5000);
        }
    }
}
