package io.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.health.Capabilities;
import io.vigil.agent.health.CapabilityBoard;
import io.vigil.agent.helper.lists.PublishedLists;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.signing.PolicyRefusedException;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.bundle.Bundle;
import io.vigil.keywords.format.ListSetLoader;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's side of pushed lists: what is announced, and which version the console is told. */
class HelperListsTest {

    private static final String BUILT_IN = "sha256:built-in";

    @TempDir
    Path run;

    private final CapabilityBoard board = new CapabilityBoard(new Capabilities(List.of(), java.util.Map.of()));
    private final List<HelperMessage.ListsChanged> announced = new ArrayList<>();

    private HelperLists lists() {
        HelperLists lists = new HelperLists(new PublishedLists(run), BUILT_IN, board);
        lists.announceTo(announced::add);
        return lists;
    }

    private static byte[] bundle() throws Exception {
        List<SourceFile> files = ListSources.fromClasspath(KeywordEngine.class.getClassLoader(),
                KeywordEngine.BUNDLED_LISTS).stream().map(f -> f.name().equals("bullying.vkl")
                        ? new SourceFile(f.name(), f.text() + "term bu.test-zorblat banned 3 \"zorblat wibble\"\n") : f)
                .toList();
        return Bundle.of(new ListSetLoader().load(files)).bytes();
    }

    @Test
    void aValidBundleIsWrittenForHelpersAndAnnounced() throws Exception {
        HelperLists lists = lists();
        byte[] bundle = bundle();
        String version = KeywordEngine.fromBundle(bundle).version();

        lists.apply(version, bundle);

        assertEquals(1, announced.size());
        assertEquals(version, announced.get(0).version());
        assertTrue(Files.exists(PublishedLists.fileFor(run, announced.get(0).sha256())));
        assertEquals(announced.get(0), lists.current().orElseThrow());
    }

    @Test
    void listsNoHelperCouldLoadAreRefusedAndNeverAnnounced() throws Exception {
        HelperLists lists = lists();
        byte[] broken = new String(bundle(), StandardCharsets.UTF_8).replace("zorblat", "zorblet")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(PolicyRefusedException.class, () -> lists.apply("sha256:whatever", broken));
        assertEquals(List.of(), announced);
        assertTrue(lists.current().isEmpty());
    }

    @Test
    void theConsoleHearsTheHelpersVersionAndABehindHelperIsReportedWithItsProblem() throws Exception {
        HelperLists lists = lists();
        assertEquals(BUILT_IN, lists.reported(), "no bundle, no helper: the jar's lists");
        byte[] bundle = bundle();
        String version = KeywordEngine.fromBundle(bundle).version();
        lists.apply(version, bundle);
        assertEquals(version, lists.reported(), "no helper: what the next helper will load");

        lists.listsInUse("pupil.one", version, "");
        lists.listsInUse("pupil.two", BUILT_IN, "keyword lists " + version + " not loaded: no file");
        assertEquals(BUILT_IN, lists.reported(), "one helper is behind: the console must see it");
        assertTrue(board.now().unavailable().get(HelperLists.CAPABILITY).contains("not loaded"));

        lists.disconnected("pupil.two");
        lists.listsInUse("pupil.one", version, "");
        assertEquals(version, lists.reported());
        assertTrue(board.now().unavailable().isEmpty());
    }
}
