package io.vigil.agent.helper.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelperCodecTest {

    static HelperMessage.MatchedAlert alert(String snippet) {
        return new HelperMessage.MatchedAlert("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10", "self_harm", 4, 12,
                List.of("sh-001"), snippet, "chromium", "Chat", "", 1_700_000_000_000L, "keyboard", "sha256:abc", "en");
    }

    @Test
    void everyMessageSurvivesTheRoundTrip() throws Exception {
        for (HelperMessage m : List.of(new HelperMessage.Hello(1, "pupil.one"), alert("i want to hurt myself"),
                new HelperMessage.Capabilities(List.of("capture.keyboard"), Map.of("capture.windows", "no display")),
                new HelperMessage.Goodbye(), new HelperMessage.Accepted(), new HelperMessage.Refused("not yours"),
                new HelperMessage.NoticeAccepted("2026-09"),
                new HelperMessage.EvidenceStart("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10", "image/png", 1280, 1024,
                        30_000, 3),
                new HelperMessage.EvidenceChunk("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10", 2, new byte[] {1, 2, 3}),
                new HelperMessage.HelpAsked("need_help", "someone keeps following me\nhome"))) {
            assertEquals(m, HelperCodec.decode(HelperCodec.encode(m)));
        }
    }

    @Test
    void aSnippetOverTheAlertLimitIsRefusedNamingTheField() {
        byte[] body = HelperCodec.encode(alert("x".repeat(HelperCodec.MAX_SNIPPET + 1)));
        FrameException e = assertThrows(FrameException.class, () -> HelperCodec.decode(body));
        assertTrue(e.getMessage().startsWith("snippet: 501 characters"), e.getMessage());
    }

    @Test
    void aClaimedUserNameOverTheLimitIsRefused() {
        byte[] body = HelperCodec.encode(new HelperMessage.Hello(1, "u".repeat(HelperCodec.MAX_USER + 1)));
        assertThrows(FrameException.class, () -> HelperCodec.decode(body));
    }

    @Test
    void bytesAfterTheMessageUnknownTypesAndCutMessagesAreRefused() {
        byte[] hello = HelperCodec.encode(new HelperMessage.Hello(1, "pupil.one"));
        byte[] longer = Arrays.copyOf(hello, hello.length + 1);
        assertTrue(assertThrows(FrameException.class, () -> HelperCodec.decode(longer)).getMessage()
                .contains("after the message"));
        assertThrows(FrameException.class, () -> HelperCodec.decode(new byte[] {99}));
        assertThrows(FrameException.class, () -> HelperCodec.decode(Arrays.copyOf(hello, hello.length - 2)));
    }

    @Test
    void tooManyRulesOrCapabilitiesAreRefused() {
        HelperMessage.MatchedAlert many = new HelperMessage.MatchedAlert("u", "c", 1, 1,
                java.util.Collections.nCopies(HelperCodec.MAX_RULES + 1, "r"), "s", "", "", "", 0, "keyboard", "", "");
        assertThrows(FrameException.class, () -> HelperCodec.decode(HelperCodec.encode(many)));
    }

    @Test
    void aFrameLongerThanTheLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(Frames.MAX_FRAME_BYTES + 1); // and no body at all
        FrameException e = assertThrows(FrameException.class,
                () -> Frames.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("outside 1-" + Frames.MAX_FRAME_BYTES), e.getMessage());
    }

    @Test
    void emptyAndNegativeLengthsAreRefusedAndACleanEndIsNoFrame() throws Exception {
        for (int length : new int[] {0, -1}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeInt(length);
            assertThrows(FrameException.class,
                    () -> Frames.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        }
        assertNull(Frames.read(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    void aWriterCannotSendAnOversizedFrame() {
        assertThrows(FrameException.class, () -> Frames.write(new DataOutputStream(new ByteArrayOutputStream()),
                new byte[Frames.MAX_FRAME_BYTES + 1]));
    }

    @Test
    void aFullEvidenceChunkFitsAFrame() throws Exception {
        byte[] body = HelperCodec.encode(new HelperMessage.EvidenceChunk("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10",
                Integer.MAX_VALUE, new byte[HelperCodec.EVIDENCE_CHUNK_BYTES]));
        assertTrue(body.length <= Frames.MAX_FRAME_BYTES, body.length + " bytes");
        Frames.write(new DataOutputStream(new ByteArrayOutputStream()), body);
    }

    @Test
    void aChunkClaimingMoreBytesThanItsFrameHoldsIsRefusedBeforeAnyAllocation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(HelperCodec.EVIDENCE_CHUNK);
        out.writeUTF("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10");
        out.writeInt(0);
        out.writeInt(Integer.MAX_VALUE); // and 4 bytes follow
        out.writeInt(0);
        FrameException e = assertThrows(FrameException.class, () -> HelperCodec.decode(bytes.toByteArray()));
        assertTrue(e.getMessage().startsWith("chunk: 2147483647 bytes declared, 4 in the frame"), e.getMessage());
        bytes.reset();
        out.writeByte(HelperCodec.EVIDENCE_CHUNK);
        out.writeUTF("u");
        out.writeInt(0);
        out.writeInt(-1);
        assertThrows(FrameException.class, () -> HelperCodec.decode(bytes.toByteArray()));
    }

    @Test
    void helpWordsOverThePageLimitAreRefused() {
        byte[] body = HelperCodec.encode(new HelperMessage.HelpAsked("need_help", "x".repeat(HelperCodec.MAX_HELP_WORDS + 1)));
        FrameException e = assertThrows(FrameException.class, () -> HelperCodec.decode(body));
        assertTrue(e.getMessage().startsWith("words: 501 characters"), e.getMessage());
    }
}
