package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyDelete;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAssemblerTest {

    private final MutableClock clock = new MutableClock();
    private final List<TypedLine> lines = new ArrayList<>();
    private final TextAssembler assembler =
            new TextAssembler(new SignInWindowGuard(), clock, Duration.ofSeconds(10), lines::add);

    private void type(String text) {
        text.chars().forEach(c -> assembler.accept(new KeyTyped((char) c)));
    }

    private void send(CaptureEvent event) {
        assembler.accept(event);
    }

    @Test
    void enterEndsALineTaggedWithItsWindow() {
        send(new WindowFocused("Chat - Teams", "teams"));
        type("hello there");
        send(new LineBreak());
        assertEquals(List.of(new TypedLine("hello there", "Chat - Teams", "teams")), lines);
    }

    @Test
    void backspaceRemovesTheLastCharacter() {
        send(new WindowFocused("Notes", "gedit"));
        type("I feel sadx");
        send(new KeyBackspace());
        type(" today");
        send(new LineBreak());
        assertEquals("I feel sad today", lines.getFirst().text());
    }

    @Test
    void backspaceOnAnEmptyLineAndOnAnEmojiDoesNoHarm() {
        send(new WindowFocused("Notes", "gedit"));
        send(new KeyBackspace());
        type("ok 👋");
        send(new KeyBackspace());
        send(new LineBreak());
        assertEquals("ok", lines.getFirst().text());
    }

    @Test
    void focusingAnotherWindowEndsTheLineInTheOldWindow() {
        send(new WindowFocused("Chat", "teams"));
        type("half a sentence");
        send(new WindowFocused("Homework", "word"));
        type("essay");
        send(new LineBreak());
        assertEquals(List.of(new TypedLine("half a sentence", "Chat", "teams"),
                new TypedLine("essay", "Homework", "word")), lines);
    }

    @Test
    void textTypedIntoASignInWindowIsNeverAssembled() {
        send(new WindowFocused("Sign in - Google Accounts", "chrome"));
        type("hunter2 my secret password");
        send(new LineBreak());
        assertTrue(lines.isEmpty());
        assertEquals(0, assembler.bufferedChars());

        send(new WindowFocused("Chat", "teams"));
        type("back in chat");
        send(new LineBreak());
        assertEquals(List.of(new TypedLine("back in chat", "Chat", "teams")), lines);
    }

    @Test
    void aPartLineIsNotCarriedIntoASignInWindow() {
        send(new WindowFocused("Chat", "teams"));
        type("before");
        send(new WindowFocused("Password required", "sudo"));
        type("secret");
        send(new WindowFocused("Chat", "teams"));
        send(new LineBreak());
        assertEquals(List.of(new TypedLine("before", "Chat", "teams")), lines);
    }

    @Test
    void onlyTheLastFiveHundredCharactersOfALineAreKept() {
        send(new WindowFocused("Notes", "gedit"));
        type("x".repeat(2000) + "the end");
        assertEquals(TextAssembler.MAX_LINE_CHARS, assembler.bufferedChars());
        send(new LineBreak());
        String line = lines.getFirst().text();
        assertEquals(TextAssembler.MAX_LINE_CHARS, line.length());
        assertTrue(line.endsWith("the end"));
    }

    @Test
    void aPauseInTypingEndsTheLine() {
        send(new WindowFocused("Chat", "teams"));
        type("sent with a click");
        clock.advance(Duration.ofSeconds(5));
        assembler.flushIfIdle();
        assertTrue(lines.isEmpty());
        clock.advance(Duration.ofSeconds(6));
        assembler.flushIfIdle();
        assertEquals("sent with a click", lines.getFirst().text());
    }

    @Test
    void typingAfterAPauseStartsANewLine() {
        send(new WindowFocused("Chat", "teams"));
        type("first");
        clock.advance(Duration.ofSeconds(11));
        type("second");
        send(new LineBreak());
        assertEquals(List.of("first", "second"), lines.stream().map(TypedLine::text).toList());
    }

    @Test
    void blankLinesAndControlCharactersAreNotEmitted() {
        send(new WindowFocused("Chat", "teams"));
        type("   \t\u0003 ");
        send(new LineBreak());
        send(new LineBreak());
        assertTrue(lines.isEmpty());
    }

    // --- rebuilding text as the keyboard hook reports it ---

    private final List<TypedLine> growing = new ArrayList<>();
    private final TextAssembler live = new TextAssembler(new SignInWindowGuard(), clock, Duration.ofSeconds(10),
            new TextAssembler.Lines() {
                @Override
                public void growing(TypedLine line) {
                    growing.add(line);
                }

                @Override
                public void finished(TypedLine line) {
                    lines.add(line);
                }
            });

    private void typeLive(String text) {
        text.chars().forEach(c -> live.accept(new KeyTyped((char) c)));
    }

    @Test
    void severalBackspacesUndoAWholeWordAndItsReplacementIsKept() {
        live.accept(new WindowFocused("Chat", "discord"));
        typeLive("i hate maths");
        for (int i = 0; i < 5; i++) {
            live.accept(new KeyBackspace());
        }
        typeLive("school");
        live.accept(new LineBreak());
        assertEquals("i hate school", lines.getFirst().text());
    }

    @Test
    void deleteOrCaretMovementEndsTheLineInsteadOfSplicingTextWrongly() {
        live.accept(new WindowFocused("Notes", "gedit"));
        typeLive("first part");
        live.accept(new KeyDelete());
        typeLive("second part");
        live.accept(new LineBreak());
        assertEquals(List.of("first part", "second part"), lines.stream().map(TypedLine::text).toList());
    }

    @Test
    void focusChangeMidWordDoesNotJoinTheHalvesAcrossWindows() {
        live.accept(new WindowFocused("Chat - Discord", "discord"));
        typeLive("i want to ki");
        live.accept(new WindowFocused("Homework - Word", "winword"));
        typeLive("ll the essay");
        live.accept(new LineBreak());
        assertEquals(List.of(new TypedLine("i want to ki", "Chat - Discord", "discord"),
                new TypedLine("ll the essay", "Homework - Word", "winword")), lines);
    }

    @Test
    void tabEndsALineLikeEnter() {
        live.accept(new WindowFocused("Form", "firefox"));
        typeLive("name");
        live.accept(new LineBreak()); // the hook reports Tab as a line break
        typeLive("address");
        live.accept(new LineBreak());
        assertEquals(List.of("name", "address"), lines.stream().map(TypedLine::text).toList());
    }

    @Test
    void slowTypingStaysOneLineAndIsOfferedAtEachPause() {
        live.accept(new WindowFocused("Chat", "teams"));
        for (String word : List.of("nobody ", "would ", "miss ", "me")) {
            typeLive(word);
            clock.advance(Duration.ofSeconds(5)); // 20 s for the phrase, never 10 s without a key
            live.flushIfIdle();
        }
        assertTrue(lines.isEmpty(), "a slow typist's line must not be cut: " + lines);
        assertEquals("nobody would miss me", growing.getLast().text(), "the pause offers the last word too");
        assertEquals(List.of("nobody", "nobody would", "nobody would miss", "nobody would miss me"),
                growing.stream().map(TypedLine::text).toList());
    }

    @Test
    void aLongBufferKeepsTheNewestTextAndIsStillOfferedWhileGrowing() {
        live.accept(new WindowFocused("Notes", "gedit"));
        typeLive("word ".repeat(300) + "final words");
        assertEquals(TextAssembler.MAX_LINE_CHARS, live.bufferedChars());
        clock.advance(Duration.ofSeconds(2));
        live.flushIfIdle();
        assertTrue(growing.getLast().text().length() <= TextAssembler.MAX_LINE_CHARS);
        live.accept(new LineBreak());
        assertTrue(lines.getFirst().text().endsWith("final words"));
    }

    @Test
    void nonAsciiTextFromOtherLayoutsIsRebuiltExactly() {
        live.accept(new WindowFocused("Chat", "teams"));
        typeLive("Grüße aus Köln, ça va? Привет мир ß");
        live.accept(new KeyBackspace());
        typeLive("ς");
        live.accept(new LineBreak());
        assertEquals("Grüße aus Köln, ça va? Привет мир ς", lines.getFirst().text());
    }

    @Test
    void secretLookingWordsAreMaskedBeforeALineLeaves() {
        live.accept(new WindowFocused("Chat", "teams"));
        typeLive("my password is Tr0ub4dor&3 ok");
        live.accept(new LineBreak());
        assertEquals("my password is [hidden] ok", lines.getFirst().text());
    }

    @Test
    void aSignInWindowNamedOnlyByItsAppIsSuppressedToo() {
        live.accept(new WindowFocused("Unlock database", "keepassxc"));
        typeLive("correct horse");
        live.accept(new LineBreak());
        assertTrue(lines.isEmpty());
        assertTrue(growing.isEmpty());
        assertTrue(live.suppressing());
    }
}
