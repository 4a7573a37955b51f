package io.vigil.agent.helper.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyword-list exchange (types 13 and 14) and Settings sent again mid-session, on the wire. */
class ListsMessagesCodecTest {

    private static final String VERSION = "sha256:" + "ab".repeat(32);
    private static final String FILE_HASH = "sha256:" + "cd".repeat(32);

    @Test
    void listsChangedAndListsInUseSurviveTheRoundTrip() throws Exception {
        for (HelperMessage m : List.of(new HelperMessage.ListsChanged(VERSION, FILE_HASH),
                new HelperMessage.ListsInUse(VERSION, ""),
                new HelperMessage.ListsInUse(VERSION, "the bundle file's hash is not the one announced"))) {
            assertEquals(m, HelperCodec.decode(HelperCodec.encode(m)));
        }
    }

    @Test
    void theTypeBytesAreTheReservedOnes() {
        assertEquals(13, HelperCodec.encode(new HelperMessage.ListsChanged(VERSION, FILE_HASH))[0]);
        assertEquals(14, HelperCodec.encode(new HelperMessage.ListsInUse(VERSION, ""))[0]);
    }

    @Test
    void aVersionOverItsLimitIsRefusedNamingTheField() {
        byte[] body = HelperCodec.encode(new HelperMessage.ListsChanged("v".repeat(HelperCodec.MAX_SHORT * 2 + 1),
                FILE_HASH));
        FrameException e = assertThrows(FrameException.class, () -> HelperCodec.decode(body));
        assertTrue(e.getMessage().startsWith("lists_version: 129 characters"), e.getMessage());
    }

    @Test
    void aProblemOverTheReasonLimitIsRefused() {
        byte[] body = HelperCodec.encode(new HelperMessage.ListsInUse(VERSION, "p".repeat(HelperCodec.MAX_REASON + 1)));
        assertTrue(assertThrows(FrameException.class, () -> HelperCodec.decode(body)).getMessage()
                .startsWith("problem:"));
    }

    @Test
    void aCutOrPaddedListsMessageIsRefused() {
        byte[] body = HelperCodec.encode(new HelperMessage.ListsChanged(VERSION, FILE_HASH));
        assertThrows(FrameException.class, () -> HelperCodec.decode(Arrays.copyOf(body, body.length - 3)));
        assertTrue(assertThrows(FrameException.class, () -> HelperCodec.decode(Arrays.copyOf(body, body.length + 1)))
                .getMessage().contains("after the message"));
    }

    @Test
    void theProtocolVersionSaysSettingsMayComeAgainAndListsAreAnnounced() {
        assertEquals(3, HelperCodec.VERSION);
    }
}
