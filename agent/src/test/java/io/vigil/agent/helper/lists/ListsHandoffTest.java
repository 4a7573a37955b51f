package io.vigil.agent.helper.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.match.KeywordScanner;
import io.vigil.agent.match.SwappableScanner;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.bundle.Bundle;
import io.vigil.keywords.format.ListSetLoader;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle the service verified, written where helpers read it, and loaded by a helper's matcher: with the
 * real keyword engine and real files. Anything wrong with the file leaves the helper on the lists it had.
 */
class ListsHandoffTest {

    private static final String NEW_TERM = "you are a zorblat wibble";
    private static KeywordEngine builtIn;

    @TempDir
    Path run;

    @BeforeAll
    static void loadBuiltIn() {
        builtIn = KeywordEngine.bundled();
    }

    private static byte[] bundleWith(String line) throws Exception {
        List<SourceFile> files = ListSources.fromClasspath(KeywordEngine.class.getClassLoader(),
                KeywordEngine.BUNDLED_LISTS).stream().map(f -> f.name().equals("bullying.vkl")
                        ? new SourceFile(f.name(), f.text() + line + "\n") : f).toList();
        return Bundle.of(new ListSetLoader().load(files)).bytes();
    }

    private static SwappableScanner helperScanner() {
        return new SwappableScanner(new KeywordScanner(builtIn));
    }

    @Test
    void aPublishedBundleIsWorldReadableAndTheHelperMatchesWithItAfterLoading() throws Exception {
        byte[] bundle = bundleWith("term bu.test-zorblat banned 3 \"zorblat wibble\"");
        String version = KeywordEngine.fromBundle(bundle).version();
        PublishedLists published = new PublishedLists(run);
        HelperMessage.ListsChanged announced = published.publish(version, bundle);
        SwappableScanner scanner = helperScanner();
        assertFalse(scanner.scan(NEW_TERM).alert());

        HelperMessage.ListsInUse answer = new ListsFile(run, scanner).load(announced);

        assertEquals(new HelperMessage.ListsInUse(version, ""), answer);
        assertTrue(scanner.scan(NEW_TERM).alert());
        Path file = PublishedLists.fileFor(run, announced.sha256());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(announced, published.current().orElseThrow());
    }

    @Test
    void publishingANewerBundleRemovesTheOlderFile() throws Exception {
        PublishedLists published = new PublishedLists(run);
        byte[] first = bundleWith("term bu.test-one banned 3 \"first thing\"");
        byte[] second = bundleWith("term bu.test-two banned 3 \"second thing\"");
        HelperMessage.ListsChanged one = published.publish(KeywordEngine.fromBundle(first).version(), first);
        HelperMessage.ListsChanged two = published.publish(KeywordEngine.fromBundle(second).version(), second);

        assertFalse(Files.exists(PublishedLists.fileFor(run, one.sha256())));
        assertTrue(Files.exists(PublishedLists.fileFor(run, two.sha256())));
        SwappableScanner scanner = helperScanner();
        HelperMessage.ListsInUse late = new ListsFile(run, scanner).load(one);
        assertEquals(builtIn.version(), late.version(), "told about a bundle already replaced: the old lists stay");
        assertTrue(late.problem().contains("no file"), late.problem());
    }

    @Test
    void aFileChangedAfterTheAnnouncementIsRefusedAndTheOldListsStay() throws Exception {
        byte[] bundle = bundleWith("term bu.test-zorblat banned 3 \"zorblat wibble\"");
        HelperMessage.ListsChanged announced = new PublishedLists(run)
                .publish(KeywordEngine.fromBundle(bundle).version(), bundle);
        Path file = PublishedLists.fileFor(run, announced.sha256());
        byte[] other = bundleWith("term bu.test-other banned 3 \"something else\"");
        Files.write(file, other); // valid lists, but not the bytes the service verified

        SwappableScanner scanner = helperScanner();
        HelperMessage.ListsInUse answer = new ListsFile(run, scanner).load(announced);

        assertEquals(builtIn.version(), answer.version());
        assertTrue(answer.problem().contains("not the " + announced.sha256()), answer.problem());
        assertFalse(scanner.scan(NEW_TERM).alert());
        assertEquals(builtIn.version(), scanner.version());
    }

    @Test
    void anAnnouncementWhoseVersionIsNotTheFilesListsIsRefused() throws Exception {
        byte[] bundle = bundleWith("term bu.test-zorblat banned 3 \"zorblat wibble\"");
        HelperMessage.ListsChanged published = new PublishedLists(run).publish("sha256:" + "00".repeat(32), bundle);

        SwappableScanner scanner = helperScanner();
        HelperMessage.ListsInUse answer = new ListsFile(run, scanner).load(published);

        assertEquals(builtIn.version(), answer.version());
        assertTrue(answer.problem().contains("does not match the version"), answer.problem());
        assertFalse(scanner.scan(NEW_TERM).alert());
    }

    @Test
    void theListsAlreadyInUseAreNotReadAgain() throws Exception {
        SwappableScanner scanner = helperScanner();
        HelperMessage.ListsInUse answer = new ListsFile(run, scanner)
                .load(new HelperMessage.ListsChanged(builtIn.version(), "sha256:" + "11".repeat(32)));
        assertEquals(new HelperMessage.ListsInUse(builtIn.version(), ""), answer);
    }
}
