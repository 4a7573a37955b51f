package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyBackspace;
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
}
